import { idText, numericText } from './numeric-text';

describe('numericText', () => {
  it.each([
    ['3000', 3000],
    ['12.5', 12.5],
    ['0', 0],
    ['-1', -1],
  ])('reads decimal %s', (text, number) => {
    expect(numericText({ value: text })).toBe(number);
  });

  it.each(['0x10', '1e3', ' 5', '', 'abc', 'Infinity', '1.'])('leaves %j as sent', (text) => {
    expect(numericText({ value: text })).toBe(text);
  });
});

describe('idText', () => {
  it('reads canonical ids only', () => {
    expect(idText({ value: '16' })).toBe(16);
    expect(idText({ value: '2147483648' })).toBe(2147483648);
    for (const text of ['0x10', '00000003', '016', '1e3', '0', '-1', '1.0', '12345678901']) {
      expect(idText({ value: text })).toBe(text);
    }
  });
});
