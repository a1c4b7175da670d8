/**
 * Proves the layer rules bite: runs dependency-cruiser with the project's configuration over a
 * fixture that breaks them and fails unless every expected rule is reported.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const expected = [
  'domain-imports-no-framework',
  'application-imports-no-infrastructure',
  'no-reaching-into-another-module-infrastructure',
];

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
const violations = JSON.parse(output).summary.violations.map((violation) => violation.rule.name);
const missing = expected.filter((rule) => !violations.includes(rule));
if (missing.length > 0) {
  console.error(
    `Layer self-check failed: these rules did not fire on the fixture: ${missing.join(', ')}`,
  );
  process.exit(1);
}
console.log(`Layer self-check: the fixture's ${violations.length} violations were caught.`);
