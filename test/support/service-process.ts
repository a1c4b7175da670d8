import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  /** The address it logged as listening on. */
  url: string;
  /** Its log lines (pino JSON) so far. */
  logs: string[];
  exited: Promise<NodeJS.Signals | number | null>;
}

/**
 * `npm start`'s entry point (src/main.ts, compiled on load) in a process of its own, with its
 * signal handling and database resolution; resolves once it logs that it listens.
 */
export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(
    process.execPath,
    ['--require', join(ROOT, 'test/support/child/swc-register.cjs'), join(ROOT, 'src/main.ts')],
    { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const logs: string[] = [];
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      const listening = /listening on (http:\/\/[^\s"]+)/.exec(line);
      if (listening) resolve(listening[1]);
    });
    void exited.then((code) => reject(new Error(`service exited (${code}): ${errors}`)));
  });
  return { child, url, logs, exited };
}
