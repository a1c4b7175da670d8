/**
 * Layer rules (ARCHITECTURE §2): the domain layer is plain TypeScript, and a module reaches another
 * only through what that module exports, never into its infrastructure.
 */
const FRAMEWORKS =
  '(^|/)node_modules/(@nestjs|typeorm|pg|pg-boss|stripe|fastify|@fastify|socket\\.io|socket\\.io-client|class-validator|class-transformer|ioredis|passport)/';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-framework',
      severity: 'error',
      comment: 'domain/ is plain TypeScript: no framework, ORM, driver or vendor SDK',
      from: { path: '(^|/)src/.*/domain/' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'domain-imports-no-outer-layer',
      severity: 'error',
      comment: 'domain/ depends on nothing from application/ or infrastructure/',
      from: { path: '(^|/)src/.*/domain/' },
      to: { path: '(^|/)src/.*/(application|infrastructure)/' },
    },
    {
      name: 'application-imports-no-infrastructure',
      severity: 'error',
      comment: 'use cases depend on ports; adapters are bound in the module file',
      from: { path: '(^|/)src/.*/application/' },
      to: { path: '(^|/)src/.*/infrastructure/' },
    },
    {
      name: 'no-reaching-into-another-module-infrastructure',
      severity: 'error',
      from: { path: '(^|/)src/modules/([^/]+)/' },
      to: { path: '(^|/)src/modules/([^/]+)/infrastructure/', pathNot: '(^|/)src/modules/$2/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(dist|coverage|\\.data)/' },
  },
};
