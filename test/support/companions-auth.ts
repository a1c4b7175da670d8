import { TestApp } from './test-app';

/**
 * Headers of a caller allowed to read companions. The auth guard is not merged yet, so reads
 * need nothing; once it is, this signs up and returns a session's headers.
 */
export async function authenticatedReader(_testApp: TestApp): Promise<Record<string, string>> {
  return {};
}
