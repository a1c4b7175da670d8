import { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import { TestApp } from './test-app';

/** Listens on a free local port (sockets need a real server); returns the base URL. */
export async function listenLocally(testApp: TestApp): Promise<string> {
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export interface SocketCredentials {
  cookie?: string;
  token?: string;
  origin?: string;
}

const opened = new Set<Socket>();

/** A socket.io-client connection that never reconnects on its own; rejects with connect_error. */
export function connectSocket(url: string, credentials: SocketCredentials = {}): Promise<Socket> {
  const headers: Record<string, string> = {};
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.origin) headers.origin = credentials.origin;
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
    auth: credentials.token ? { token: credentials.token } : {},
  });
  opened.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Disconnects every socket a test opened (a client left open keeps Jest alive). */
export function closeAllSockets(): void {
  for (const socket of opened) socket.close();
  opened.clear();
}

/** The next `event` on the socket that matches; rejects after `timeoutMs`. */
export function nextEvent<T = Record<string, unknown>>(
  socket: Socket,
  event: string,
  matches: (data: T) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (data: T) => {
      if (!matches(data)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(data);
    };
    socket.on(event, listener);
  });
}

/** Collects every `event` the socket receives from now on. */
export function recordEvents<T = Record<string, unknown>>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (data: T) => seen.push(data));
  return seen;
}

/** Resolves once the socket is disconnected (by the server), with the reason. */
export function disconnection(socket: Socket, timeoutMs = 10_000): Promise<string> {
  if (!socket.connected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('still connected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
