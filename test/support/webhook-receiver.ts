import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** The reference's own verification function (API reference § Webhooks), verbatim. */
export function verifyWebhookSignature(
  payload: string | Buffer,
  signature: string,
  secret: string,
): boolean {
  const expected = createHmac('sha256', secret).update(payload).digest('hex');
  // timingSafeEqual throws on different lengths; the reference lets that throw too.
  return timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

export interface ReceivedWebhook {
  path: string;
  /** The raw body, exactly as it arrived. */
  body: string;
  json: {
    id: string;
    type: string;
    created_at: string;
    sequence: number;
    data: Record<string, unknown>;
  };
  headers: Record<string, string>;
  /** Checked with the reference's function and with the standardwebhooks package. */
  verified: { reference: boolean; standard: boolean };
  /** The status this receiver answered, or 'hang' when it never answered. */
  answered: number | 'hang';
  receivedAt: number;
}

/** What to answer a request to one path: a status code, or never ('hang'). */
export type Answer = number | 'hang';

/**
 * A real webhook receiver for end-to-end tests, on a free port of 127.0.0.1: it verifies each
 * delivery's signatures the way integrators do (the reference's function and the standardwebhooks
 * library), records everything in arrival order, and answers per path from a script (e.g. 500,
 * 500, 200), then with the path's default.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly secrets = new Map<string, string[]>();
  private readonly scripts = new Map<string, Answer[]>();
  private readonly defaults = new Map<string, Answer>();
  private readonly sockets = new Set<Socket>();
  private readonly waiters: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const holder: { receiver?: WebhookReceiver } = {};
    const server = createServer((request, response) => holder.receiver!.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new WebhookReceiver(server, (server.address() as AddressInfo).port);
    holder.receiver = receiver;
    server.on('connection', (socket) => {
      receiver.sockets.add(socket);
      socket.on('close', () => receiver.sockets.delete(socket));
    });
    return receiver;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** The secrets that sign deliveries to this path (a rotation adds one). */
  trust(path: string, ...secrets: string[]): void {
    this.secrets.set(path, secrets);
  }

  /** Answers the next requests to the path in this order, then `then` (200 by default). */
  script(path: string, answers: Answer[], then: Answer = 200): void {
    this.scripts.set(path, [...answers]);
    this.defaults.set(path, then);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((hook) => hook.path === path);
  }

  /** Resolves once `count` requests reached the path; fails after `timeoutMs`. */
  async waitFor(path: string, count: number, timeoutMs = 15_000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.at(path).length < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `${path}: ${this.at(path).length} of ${count} deliveries after ${timeoutMs} ms`,
        );
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.at(path);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      );
      const script = this.scripts.get(path);
      const answer: Answer = script?.shift() ?? this.defaults.get(path) ?? 200;
      this.received.push({
        path,
        body,
        json: JSON.parse(body) as ReceivedWebhook['json'],
        headers,
        verified: this.verify(path, body, headers),
        answered: answer,
        receivedAt: Date.now(),
      });
      for (const wake of this.waiters.splice(0)) wake();
      if (answer === 'hang') return;
      response.writeHead(answer, { 'content-type': 'text/plain' });
      response.end(answer >= 200 && answer < 300 ? 'ok' : `answer ${answer}`);
    });
  }

  private verify(
    path: string,
    body: string,
    headers: Record<string, string>,
  ): ReceivedWebhook['verified'] {
    const secrets = this.secrets.get(path) ?? [];
    const reference = secrets.some((secret) => {
      const signatures = [headers['x-webhook-signature'], headers['x-webhook-signature-previous']];
      return signatures.some((signature) => {
        try {
          return signature !== undefined && verifyWebhookSignature(body, signature, secret);
        } catch {
          return false;
        }
      });
    });
    const standard = secrets.some((secret) => {
      try {
        new Webhook(secret).verify(body, headers);
        return true;
      } catch {
        return false;
      }
    });
    return { reference, standard };
  }
}
