import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

type Input = NodeJS.ReadableStream & { isTTY?: boolean };

/**
 * The password from standard input, so that it never appears in the shell history or the process
 * list: typed at a terminal (not echoed) or piped in (the first line).
 */
export function readPassword(input: Input, prompt: NodeJS.WritableStream): Promise<string> {
  return input.isTTY ? readWithoutEcho(input, prompt) : readFirstLine(input);
}

async function readFirstLine(input: Input): Promise<string> {
  let text = '';
  for await (const chunk of input) text += chunk.toString();
  return text.split(/\r?\n/)[0];
}

function readWithoutEcho(input: Input, prompt: NodeJS.WritableStream): Promise<string> {
  prompt.write('Password: ');
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input, output: silent, terminal: true });
  return new Promise((resolve) => {
    reader.question('', (answer) => {
      reader.close();
      prompt.write('\n');
      resolve(answer);
    });
  });
}
