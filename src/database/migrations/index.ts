import { EnableExtensions1795730000000 } from './1795730000000-enable-extensions';

/**
 * Every migration, in order. Listed explicitly (not globbed) so that the compiled service, the
 * TypeORM CLI and the TypeScript test runner all load the same set.
 */
export const migrations = [EnableExtensions1795730000000];
