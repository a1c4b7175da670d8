import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
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

export interface MainServer {
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code once the process has ended (null if a signal killed it). */
  exited: Promise<number | null>;
  /** Everything the process wrote to stderr so far. */
  errors(): string;
  /** SIGTERM, as a process manager sends it; resolves with the exit code. */
  stop(): Promise<number | null>;
  crash(): Promise<void>;
}

/**
 * Starts the service's real entry point (src/main.ts: configuration from the environment,
 * migrations when enabled, SIGTERM handling) in another Node process on `port`, and resolves once
 * `/health/ready` answers 200.
 */
export async function spawnMainServer(
  env: Record<string, string>,
  port: number,
): Promise<MainServer> {
  const child = spawn(
    process.execPath,
    [
      '--require',
      join(__dirname, 'child', 'swc-register.cjs'),
      join(__dirname, '..', '..', 'src', 'main.ts'),
    ],
    {
      env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  const url = `http://127.0.0.1:${port}`;
  const giveUpAt = Date.now() + 90_000;
  for (;;) {
    if (ended) throw new Error(`server exited before it was ready (${child.exitCode}): ${errors}`);
    if (Date.now() > giveUpAt) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after 90 s: ${errors}`);
    }
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };
  return {
    url,
    process: child,
    exited,
    errors: () => errors,
    stop: () => signal('SIGTERM'),
    crash: async () => {
      await signal('SIGKILL');
    },
  };
}

/** A port nobody listens on right now (the caller binds it soon after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
