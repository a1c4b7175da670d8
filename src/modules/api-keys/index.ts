/**
 * The api-keys module's front door. Nothing else in this module may be imported from outside:
 * keys are managed over HTTP and authenticated by the passport strategy the module registers.
 */
export { ApiKeysModule, type ApiKeysModuleOptions } from './api-keys.module';

// Authentication outside the HTTP request cycle (the messaging module's socket handshakes).
export { AuthenticateApiKeyUseCase } from './application/authenticate-api-key.use-case';
