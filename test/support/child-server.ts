import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Resolves when the process has ended: the signal that ended it, or its exit code. */
  exited: Promise<NodeJS.Signals | number | null>;
  /** SIGKILL: no shutdown hook runs, connections drop as they are (a crash). */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the application in another Node process (test/support/child/server.ts). */
export async function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [
      '--require',
      join(__dirname, 'child', 'swc-register.cjs'),
      join(__dirname, 'child', 'server.ts'),
    ],
    { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('{"port":')) resolve(JSON.parse(line).port as number);
    });
    child.once('exit', (code) => reject(new Error(`child server exited (${code}): ${errors}`)));
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    exited,
    crash: () => kill('SIGKILL'),
    stop: () => kill('SIGTERM'),
  };
}
