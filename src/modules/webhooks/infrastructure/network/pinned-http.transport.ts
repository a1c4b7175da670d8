import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { Injectable } from '@nestjs/common';
import {
  AttemptResult,
  DELIVERY_TIMEOUT_MS,
  MAX_RESPONSE_BYTES,
} from '../../domain/delivery-policy';
import { OutboundRequest, WebhookTransport } from '../../domain/ports/network';

/**
 * POSTs with Node's own client, connected to the address that was checked: the socket's lookup
 * answers with it, so no second DNS query can be rebound to another address, while TLS still
 * verifies the certificate for the host name. Redirects are not followed (a 3xx is a failure),
 * at most 64 KiB of the answer is read, and the whole exchange is cut at 10 s.
 */
@Injectable()
export class PinnedHttpTransport extends WebhookTransport {
  post(outbound: OutboundRequest): Promise<AttemptResult> {
    const started = process.hrtime.bigint();
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
      agent: false,
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<AttemptResult>((resolve) => {
      let settled = false;
      const finish = (result: AttemptResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.destroy();
        resolve(result);
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
          else done();
        });
        response.on('end', done);
        response.on('error', done);
      });
      request.on('error', (error) =>
        finish({ statusCode: null, durationMs: elapsed(), error: error.message }),
      );
      request.end(outbound.body);
    });
  }
}
