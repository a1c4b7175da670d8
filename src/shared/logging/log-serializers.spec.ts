import { redactUrl, serializeError } from './log-serializers';

describe('redactUrl', () => {
  it('hides the values of credential-bearing query parameters only', () => {
    expect(redactUrl('/api/v1/companions?api_key=ps_abc&location=berlin')).toBe(
      '/api/v1/companions?api_key=[redacted]&location=berlin',
    );
    expect(redactUrl('/x?TOKEN=1&Password=2&q=3&key')).toBe(
      '/x?TOKEN=[redacted]&Password=[redacted]&q=3&key=[redacted]',
    );
    expect(redactUrl('/x?api%5Fkey=secret')).toBe('/x?api%5Fkey=[redacted]');
    expect(redactUrl('/health')).toBe('/health');
  });
});

describe('serializeError', () => {
  it('drops query parameters and value-bearing details of database errors', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      query: 'INSERT INTO users (email, password_hash) VALUES ($1, $2)',
      parameters: ['a@example.test', '$argon2id$v=19$secret-hash'],
      driverError: {
        code: '23505',
        detail: 'Key (email)=(a@example.test) already exists.',
        constraint: 'users_email_key',
      },
    });
    const serialized = JSON.stringify(serializeError(error));
    expect(serialized).not.toContain('secret-hash');
    expect(serialized).not.toContain('a@example.test');
    expect(serialized).toContain('INSERT INTO users');
    expect(serialized).toContain('users_email_key');
    expect(serialized).toContain('23505');
  });

  it('redacts the input PostgreSQL quotes in a type error, keeping the rest of the message', () => {
    const error = new Error('invalid input syntax for type integer: "$argon2id$secret"');
    const serialized = serializeError(error) as { message: string; stack: string };
    expect(serialized.message).toBe('invalid input syntax for type integer: "[redacted]"');
    expect(serialized.stack).not.toContain('secret');
    expect(serialized.stack).toContain('invalid input syntax for type integer');
  });
});
