import { signUp } from './accounts';
import { TestApp } from './test-app';

/** Headers of a caller allowed to read companions: a client's session. */
export async function authenticatedReader(testApp: TestApp): Promise<Record<string, string>> {
  return (await signUp(testApp, { role: 'client' })).headers;
}
