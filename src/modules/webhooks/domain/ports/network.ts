import { AttemptResult } from '../delivery-policy';

/** DNS: every address a host name resolves to (A and AAAA). Empty when it does not resolve. */
export abstract class HostResolver {
  abstract resolve(host: string): Promise<string[]>;
}

export interface OutboundRequest {
  url: URL;
  /** The address that was checked: the connection goes there, with no second lookup. */
  address: string;
  headers: Record<string, string>;
  body: string;
}

/** Sends one POST: no redirects followed, 10 s timeout, at most 64 KiB of the answer read. */
export abstract class WebhookTransport {
  abstract post(request: OutboundRequest): Promise<AttemptResult>;
}
