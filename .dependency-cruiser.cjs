/**
 * Layer rules (ARCHITECTURE §1 "How modules talk to each other", §2): the domain layer is plain
 * TypeScript, use cases depend on ports, and a module is entered only through its front door,
 * `modules/<name>/index.ts`, by other modules and by the composition root alike.
 */
const FRAMEWORKS =
  '(^|/)node_modules/(@nestjs|typeorm|pg|pg-boss|stripe|fastify|@fastify|socket\\.io|socket\\.io-client|class-validator|class-transformer|ioredis|passport)/';
const FRONT_DOOR = '(^|/)src/modules/[^/]+/index\\.ts$';

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
      name: 'application-reads-no-configuration',
      severity: 'error',
      comment: 'use cases receive typed settings bound in the module file, never ConfigService',
      from: { path: '(^|/)src/.*/application/' },
      to: { path: '((^|/)src/config/|(^|/)node_modules/@nestjs/config/)' },
    },
    {
      name: 'modules-meet-at-front-doors',
      severity: 'error',
      comment: 'another module is entered only through its modules/<name>/index.ts',
      from: { path: '(^|/)src/modules/([^/]+)/' },
      to: { path: '(^|/)src/modules/', pathNot: ['(^|/)src/modules/$2/', FRONT_DOOR] },
    },
    {
      name: 'root-enters-modules-at-front-doors',
      severity: 'error',
      comment: 'app.module.ts, the CLI and everything outside modules/ use front doors only',
      from: { path: '(^|/)src/', pathNot: '(^|/)src/modules/' },
      to: { path: '(^|/)src/modules/', pathNot: FRONT_DOOR },
    },
    {
      name: 'shared-kernel-imports-no-module',
      severity: 'error',
      comment: 'shared/ is the kernel every module may use: it knows no feature module',
      from: { path: '(^|/)src/shared/' },
      to: { path: '(^|/)src/modules/' },
    },
    {
      name: 'no-circular-imports',
      severity: 'error',
      comment: 'dependencies are acyclic (ARCHITECTURE §1.4)',
      from: { path: '(^|/)src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(dist|coverage|\\.data)/' },
  },
};
