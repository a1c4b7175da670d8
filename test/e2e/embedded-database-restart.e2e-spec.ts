import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ServiceProcess, startService } from '../support/service-process';

const ROOT = join(__dirname, '..', '..');

/** A free TCP port of 127.0.0.1 for the embedded PostgreSQL. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function postmasterPid(directory: string): number {
  return Number(readFileSync(join(directory, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm start` killed with SIGKILL leaves its embedded PostgreSQL running (no shutdown hook ran).
 * The next start notices that the process that owned it is gone, stops it and starts it again as
 * its own, so that a graceful stop then stops it too.
 */
describe('embedded PostgreSQL left running by a killed start', () => {
  const dataDir = join(ROOT, '.data', `orphan-test-${process.pid}-${Date.now()}`);
  const directory = join(dataDir, 'postgres');
  const started: ServiceProcess[] = [];

  afterAll(async () => {
    for (const service of started) {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGTERM');
        await service.exited;
      }
    }
    if (existsSync(join(directory, 'postmaster.pid'))) {
      const pid = postmasterPid(directory);
      if (isAlive(pid)) process.kill(pid, 'SIGQUIT');
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is detected and restarted cleanly, and stopped with the service', async () => {
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      EMBEDDED_DATABASE_PORT: String(await freePort()),
      DEMO_DATA: 'false',
      PASSWORD_HASH_MEMORY_KIB: '4096',
    };
    const first = await startService(env);
    started.push(first);
    const orphan = postmasterPid(directory);
    expect(readFileSync(`${directory}.owner`, 'utf8').trim()).toBe(String(first.child.pid));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect(isAlive(orphan)).toBe(true);

    const second = await startService(env);
    started.push(second);
    expect(second.logs.join('\n')).toContain('left running by a process that is gone');
    expect(isAlive(orphan)).toBe(false);
    const restarted = postmasterPid(directory);
    expect(restarted).not.toBe(orphan);
    expect((await fetch(`${second.url}/health/ready`)).status).toBe(200);

    second.child.kill('SIGTERM');
    await second.exited;
    expect(isAlive(restarted)).toBe(false);
    expect(existsSync(`${directory}.owner`)).toBe(false);
  }, 180_000);
});
