import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { createApp } from '../../../src/app.factory';
import { loadConfiguration } from '../../../src/config/configuration';

/**
 * The real application in a process of its own, on a free port of 127.0.0.1, configured by the
 * environment it is given; prints `{"port": n}` once it listens. Spawned by `spawnServer`.
 */
async function main(): Promise<void> {
  const app = await createApp(loadConfiguration({ ...process.env }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`child server failed: ${String(error)}\n`);
  process.exit(1);
});
