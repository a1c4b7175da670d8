import { randomBytes } from 'node:crypto';
import { Permission, Role } from '../../src/shared/domain/actor';
import { TestApp } from './test-app';

export interface TestAccount {
  id: number;
  email: string;
  password: string;
  role: Role;
  /** `connect.sid=...`, to send as the Cookie header. */
  cookie: string;
  csrfToken: string;
  /** Cookie and X-CSRF-Token: everything a session call needs. */
  headers: Record<string, string>;
}

export interface SignUpOptions {
  role?: 'client' | 'staff';
  email?: string;
  firstName?: string;
  lastName?: string;
  password?: string;
}

let counter = 0;

export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}-${counter}-${randomBytes(3).toString('hex')}@example.test`;
}

/** Registers through the API, then logs in, returning the session's cookie and CSRF token. */
export async function signUp(testApp: TestApp, options: SignUpOptions = {}): Promise<TestAccount> {
  const role = options.role ?? 'client';
  const email = options.email ?? uniqueEmail(role);
  const password = options.password ?? 'correct horse battery staple';
  const registered = await testApp.app.inject({
    method: 'POST',
    url: '/auth/register',
    payload: {
      email,
      password,
      first_name: options.firstName ?? 'Test',
      last_name: options.lastName ?? 'User',
      role,
    },
  });
  if (registered.statusCode !== 201) {
    throw new Error(`register failed: ${registered.statusCode} ${registered.body}`);
  }
  return logIn(testApp, email, password);
}

export async function logIn(
  testApp: TestApp,
  email: string,
  password: string,
): Promise<TestAccount> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const sessionCookie = response.cookies.find((cookie) => cookie.name === 'connect.sid');
  if (!sessionCookie) throw new Error('login set no connect.sid cookie');
  const cookie = `connect.sid=${sessionCookie.value}`;
  const { user, csrf_token: csrfToken } = response.json();
  return {
    id: user.id,
    email: user.email,
    password,
    role: user.role,
    cookie,
    csrfToken,
    headers: { cookie, 'x-csrf-token': csrfToken },
  };
}

/** An administrator: registered as a client, promoted in the database, logged in again. */
export async function signUpAdmin(testApp: TestApp): Promise<TestAccount> {
  const account = await signUp(testApp, { email: uniqueEmail('admin') });
  await testApp.dataSource.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [account.id]);
  return logIn(testApp, account.email, account.password);
}

export async function setSubscriptionTier(
  testApp: TestApp,
  userId: number,
  tier: 'free' | 'pro' | 'enterprise',
): Promise<void> {
  await testApp.dataSource.query('UPDATE users SET subscription_tier = $2 WHERE id = $1', [
    userId,
    tier,
  ]);
}

/** Creates a key through the API; a non-admin owner is made an Enterprise subscriber first. */
export async function createApiKey(
  testApp: TestApp,
  account: TestAccount,
  permissions: Permission[] = ['read', 'book'],
): Promise<string> {
  if (account.role !== 'admin') await setSubscriptionTier(testApp, account.id, 'enterprise');
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/keys',
    headers: account.headers,
    payload: { name: `key ${permissions.join('+')}`, permissions },
  });
  if (response.statusCode !== 201) {
    throw new Error(`API key creation failed: ${response.statusCode} ${response.body}`);
  }
  return response.json().key;
}

export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}
