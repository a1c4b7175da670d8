import { Agent as HttpAgent, request as httpRequest, RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  AttemptResult,
  DELIVERY_TIMEOUT_MS,
  MAX_RESPONSE_BYTES,
} from '../../domain/delivery-policy';
import { OutboundRequest, WebhookTransport } from '../../domain/ports/network';

/** Sockets kept open per receiver and address, at most (above the dispatcher's per-endpoint cap). */
const MAX_SOCKETS_PER_AGENT = 32;
const STALE_SOCKET_ERRORS = new Set(['ECONNRESET', 'EPIPE']);
/** An agent unused for this long is closed with its sockets. */
const IDLE_AGENT_MS = 60_000;

interface PooledAgent {
  agent: HttpAgent;
  lastUsed: number;
}

/**
 * POSTs with Node's own client, connected to the address that was checked: the socket's lookup
 * answers with it, so no second DNS query can be rebound to another address, while TLS still
 * verifies the certificate for the host name. Redirects are not followed (a 3xx is a failure),
 * at most 64 KiB of the answer is read, and the whole exchange is cut at 10 s.
 *
 * Connections are kept alive and reused, in one agent per receiver origin and checked address: a
 * reused socket was opened to the very address this attempt checked, never to an earlier answer.
 * A request on a reused socket that the receiver had closed meanwhile (its keep-alive timeout
 * crossing our request) fails before any answer; it is sent once more on a new connection, as
 * Node's documentation advises.
 */
@Injectable()
export class PinnedHttpTransport extends WebhookTransport implements OnModuleDestroy {
  private readonly agents = new Map<string, PooledAgent>();
  private readonly sweeper = setInterval(() => this.closeIdleAgents(), IDLE_AGENT_MS);

  constructor() {
    super();
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
    for (const { agent } of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  async post(outbound: OutboundRequest): Promise<AttemptResult> {
    const started = process.hrtime.bigint();
    const first = await this.postOnce(outbound, this.agentFor(outbound), started);
    if (!first.staleSocket) return first.result;
    return (await this.postOnce(outbound, this.agentFor(outbound), started)).result;
  }

  private agentFor(outbound: OutboundRequest): HttpAgent {
    const key = `${outbound.url.origin}|${outbound.address}`;
    let pooled = this.agents.get(key);
    if (!pooled) {
      const options = {
        keepAlive: true,
        maxSockets: MAX_SOCKETS_PER_AGENT,
        scheduling: 'lifo' as const,
      };
      const agent =
        outbound.url.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
      pooled = { agent, lastUsed: Date.now() };
      this.agents.set(key, pooled);
    }
    pooled.lastUsed = Date.now();
    return pooled.agent;
  }

  private closeIdleAgents(): void {
    const before = Date.now() - IDLE_AGENT_MS;
    for (const [key, pooled] of this.agents) {
      if (pooled.lastUsed < before) {
        pooled.agent.destroy();
        this.agents.delete(key);
      }
    }
  }

  private postOnce(
    outbound: OutboundRequest,
    agent: HttpAgent,
    started: bigint,
  ): Promise<{ result: AttemptResult; staleSocket: boolean }> {
    const elapsed = () => Number((process.hrtime.bigint() - started) / 1_000_000n);
    const family = isIP(outbound.address) === 6 ? 6 : 4;
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(
          null,
          [{ address: outbound.address, family }],
        );
      } else {
        callback(null, outbound.address, family);
      }
    };
    const url = outbound.url;
    const options: RequestOptions = {
      method: 'POST',
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { ...outbound.headers, 'content-length': Buffer.byteLength(outbound.body) },
      lookup: pinned,
      agent,
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      let settled = false;
      let answered = false;
      const finish = (result: AttemptResult, staleSocket = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // A fully read answer leaves the socket to the agent for the next request.
        if (!answered || result.statusCode === null) request.destroy();
        resolve({ result, staleSocket });
      };
      const timer = setTimeout(
        () =>
          finish({
            statusCode: null,
            durationMs: elapsed(),
            error: `No answer within ${DELIVERY_TIMEOUT_MS / 1000} s`,
          }),
        DELIVERY_TIMEOUT_MS,
      );
      const request = send(options, (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const statusCode = response.statusCode ?? null;
          const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
          const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
          finish({
            statusCode,
            durationMs: elapsed(),
            error: ok ? null : `HTTP ${statusCode}${text ? `: ${text.slice(0, 500)}` : ''}`,
          });
        };
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
          else {
            done();
            response.destroy();
          }
        });
        response.on('end', done);
        response.on('error', done);
      });
      request.on('error', (error: NodeJS.ErrnoException) =>
        finish(
          { statusCode: null, durationMs: elapsed(), error: error.message },
          request.reusedSocket && !answered && STALE_SOCKET_ERRORS.has(error.code ?? ''),
        ),
      );
      request.end(outbound.body);
    });
  }
}
