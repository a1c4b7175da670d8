import { PassThrough } from 'node:stream';
import { readPassword } from './read-password';

function capture(): PassThrough & { text: () => string } {
  const stream = new PassThrough();
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return Object.assign(stream, { text: () => written });
}

describe('readPassword', () => {
  it('takes the first line of piped input, spaces kept', async () => {
    const input = new PassThrough();
    input.end('  correct horse battery  \r\nsecond line\n');
    expect(await readPassword(input, capture())).toBe('  correct horse battery  ');
  });

  it('reads an empty pipe as an empty password', async () => {
    const input = new PassThrough();
    input.end();
    expect(await readPassword(input, capture())).toBe('');
  });

  it('prompts at a terminal without echoing what is typed', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const prompt = capture();
    const password = readPassword(input, prompt);
    input.write('s3cret pass phrase\n');
    expect(await password).toBe('s3cret pass phrase');
    expect(prompt.text()).toBe('Password: \n');
  });
});
