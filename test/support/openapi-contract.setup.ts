import { contractCheckStats, takeContractViolations } from './openapi-contract';

/** Fails the test during which a response broke the OpenAPI contract (see openapi-contract.ts). */
function failOnViolations(): void {
  const violations = takeContractViolations();
  if (violations.length > 0) throw new Error(violations.join('\n'));
}

afterEach(failOnViolations);

afterAll(() => {
  if (process.env.OPENAPI_CONTRACT_STATS) {
    const { responses, milliseconds } = contractCheckStats();
    const file = expect.getState().testPath ?? '';
    console.log(
      `OpenAPI contract: ${responses} responses checked in ${milliseconds.toFixed(1)} ms (${file})`,
    );
  }
  failOnViolations();
});
