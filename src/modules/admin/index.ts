/**
 * The operators' module's front door: the only file other modules (and the composition root) may
 * import. It owns the `contact_messages` table; nothing else calls into it.
 */
export { AdminModule, type AdminModuleOptions } from './admin.module';
