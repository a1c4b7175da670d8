import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Server, ServerOptions } from 'socket.io';
import { CorsSettings } from '../../config/configuration';
import { crossOriginOptions, isAllowedOrigin } from '../http/cors';

export interface RealtimeSettings {
  cors: CorsSettings;
  /** Socket.io's maxHttpBufferSize: a larger frame closes the connection. */
  maxFrameBytes: number;
  /** Set → rooms are shared by every instance through the Socket.io Redis adapter. */
  redisUrl: string | undefined;
  redisKeyPrefix: string;
}

/**
 * The Socket.io server on the API's own port, for every gateway. Browsers are held to the
 * allowed origins (CONTRACT §6.4: CORS does not cover the handshake); clients that send no
 * Origin (servers, scripts) are not browsers and must still authenticate. With Redis, emits to a
 * room reach its sockets on every instance; without it, this process is the only instance.
 */
export class RealtimeAdapter extends IoAdapter {
  private readonly log = new Logger(RealtimeAdapter.name);
  private readonly redisClients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly settings: RealtimeSettings,
  ) {
    super(app);
  }

  /** Connects the Redis clients before the server is created (call it once, before listen). */
  async connect(): Promise<void> {
    if (!this.settings.redisUrl) return;
    const pub = new Redis(this.settings.redisUrl, { lazyConnect: true });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      client.on('error', (error) => this.log.warn(`Socket.io Redis adapter: ${error.message}`));
    }
    await Promise.all([pub.connect(), sub.connect()]);
    this.redisClients.push(pub, sub);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const cors = this.settings.cors;
    const server = super.createIOServer(port, {
      ...(options as ServerOptions),
      cors: crossOriginOptions(cors),
      maxHttpBufferSize: this.settings.maxFrameBytes,
      allowRequest: (request, callback) => {
        const origin = request.headers.origin;
        callback(null, origin === undefined || isAllowedOrigin(cors, origin));
      },
    });
    if (this.redisClients.length === 2) {
      const [pub, sub] = this.redisClients;
      server.adapter(createAdapter(pub, sub, { key: `${this.settings.redisKeyPrefix}socket.io` }));
    }
    return server;
  }

  /**
   * Closes Socket.io's side only: its sockets, engine and adapter. The HTTP server is Fastify's to
   * close, which lets in-flight requests finish and ends kept-alive connections; Socket.io's own
   * close would close it first and then wait for every kept-alive connection to time out.
   */
  override async close(server: Server): Promise<void> {
    (server as unknown as { httpServer?: unknown }).httpServer = undefined;
    await server.close();
  }

  /** app.close() does not end the adapter's Redis clients; without this the process stays up. */
  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(
      this.redisClients.splice(0).map((client) => client.quit().catch(() => client.disconnect())),
    );
  }
}
