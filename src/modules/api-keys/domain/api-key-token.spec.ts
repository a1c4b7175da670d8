import {
  digestApiKeyToken,
  displayPrefixOf,
  generateApiKeyToken,
  isWellFormedApiKeyToken,
} from './api-key-token';

describe('API key tokens', () => {
  it('are 68 characters starting with ps_, base62 after the prefix', () => {
    const token = generateApiKeyToken();
    expect(token).toHaveLength(68);
    expect(token).toMatch(/^ps_[0-9A-Za-z]{65}$/);
    expect(isWellFormedApiKeyToken(token)).toBe(true);
  });

  it('are unique', () => {
    const tokens = new Set(Array.from({ length: 500 }, generateApiKeyToken));
    expect(tokens.size).toBe(500);
  });

  it('reject any one-character change through the checksum', () => {
    const token = generateApiKeyToken();
    for (let position = 3; position < token.length; position += 1) {
      const replacement = token[position] === 'a' ? 'b' : 'a';
      const mutated = token.slice(0, position) + replacement + token.slice(position + 1);
      expect(isWellFormedApiKeyToken(mutated)).toBe(false);
    }
  });

  it('reject wrong prefixes, lengths and alphabets', () => {
    const token = generateApiKeyToken();
    expect(isWellFormedApiKeyToken(`pk_${token.slice(3)}`)).toBe(false);
    expect(isWellFormedApiKeyToken(token.slice(0, 67))).toBe(false);
    expect(isWellFormedApiKeyToken(`${token}a`)).toBe(false);
    expect(isWellFormedApiKeyToken(`${token.slice(0, 10)}-${token.slice(11)}`)).toBe(false);
  });

  it('are stored as a SHA-256 hex digest and shown by a short prefix', () => {
    const token = generateApiKeyToken();
    expect(digestApiKeyToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(digestApiKeyToken(token)).not.toContain(token.slice(3, 20));
    expect(displayPrefixOf(token)).toBe(token.slice(0, 11));
  });
});
