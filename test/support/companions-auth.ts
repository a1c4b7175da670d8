import { createApiKey, bearer, signUp } from './accounts';
import { TestApp } from './test-app';

/** Headers of an integrator allowed to read companions: an API key with `read` only. */
export async function authenticatedReader(testApp: TestApp): Promise<Record<string, string>> {
  const client = await signUp(testApp, { role: 'client' });
  return bearer(await createApiKey(testApp, client, ['read']));
}
