/**
 * Proves the layer rules bite: runs dependency-cruiser with the project's configuration over a
 * fixture tree that breaks every rule once, and fails unless each rule is reported, and unless
 * the fixture's allowed imports (files named allowed-*) are left alone.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const config = require(path.join(root, '.dependency-cruiser.cjs'));
const expected = config.forbidden.map((rule) => rule.name);

let output = '';
try {
  output = execFileSync(
    path.join(root, 'node_modules/.bin/depcruise'),
    ['test/fixtures/layering/src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
} catch (error) {
  output = error.stdout;
}
const violations = JSON.parse(output).summary.violations;
const fired = new Set(violations.map((violation) => violation.rule.name));
const missing = expected.filter((rule) => !fired.has(rule));
const wronglyFlagged = violations.filter((violation) =>
  /(^|\/)allowed-[^/]*$/.test(violation.from),
);
if (missing.length > 0 || wronglyFlagged.length > 0) {
  if (missing.length > 0) {
    console.error(`Layer self-check failed: these rules did not fire: ${missing.join(', ')}`);
  }
  for (const violation of wronglyFlagged) {
    console.error(
      `Layer self-check failed: an allowed import was flagged: ${violation.from} → ${violation.to} (${violation.rule.name})`,
    );
  }
  process.exit(1);
}
console.log(
  `Layer self-check: all ${expected.length} rules fired on the fixture (${violations.length} violations), allowed imports passed.`,
);
