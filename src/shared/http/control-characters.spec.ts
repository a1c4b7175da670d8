import { fieldsWithControlCharacters, hasControlCharacter } from './control-characters';

describe('control characters', () => {
  it('refuses C0 controls and DEL but keeps tab and line breaks', () => {
    for (const text of ['a\u0000b', '\u0001', 'x\u001f', '\u007f', '\u000b']) {
      expect(hasControlCharacter(text)).toBe(true);
    }
    for (const text of ['plain', 'line\nbreak', 'tab\there', 'cr\r\n', 'Zoë 🎧', '\u00a0']) {
      expect(hasControlCharacter(text)).toBe(false);
    }
  });

  it('names every offending top-level field, at any depth and in keys', () => {
    expect(
      fieldsWithControlCharacters(
        {
          first_name: 'a\u0000b',
          last_name: 'fine',
          languages: ['en', 'de\u0000'],
          nested: { deeper: [{ text: '\u0007' }] },
          ['bad\u0000key']: 1,
          count: 3,
        },
        'body',
      ),
    ).toEqual(['first_name', 'languages', 'nested', 'bad\u0000key']);
  });

  it('names the parameter itself for a plain value', () => {
    expect(fieldsWithControlCharacters('\u0000', 'code')).toEqual(['code']);
    expect(fieldsWithControlCharacters('PS-ABC', 'code')).toEqual([]);
    expect(fieldsWithControlCharacters(['ok', '\u0000'], 'dates')).toEqual(['dates']);
    expect(fieldsWithControlCharacters(undefined, 'body')).toEqual([]);
  });
});
