import createClient, { type Client, type ClientOptions, mergeHeaders } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** Every schema of the API by name, e.g. `Schemas['BookingResponse']`. */
export type Schemas = components['schemas'];
export type EventStufferClient = Client<paths>;

export interface EventStufferClientOptions extends ClientOptions {
  /** The server, e.g. `https://eventstuffer.com`. */
  baseUrl: string;
  /** An API key (`ps_...`), sent as `Authorization: Bearer <key>` on every request. */
  apiKey?: string;
}

/**
 * A typed client of the EventStuffer API (openapi-fetch over the generated `schema.d.ts`):
 * paths, parameters, bodies and answers as the OpenAPI document states them. Each call resolves
 * to `{ data }` on success or `{ error }` with the API's error body, and `response`.
 */
export function createEventStufferClient({
  apiKey,
  headers,
  ...options
}: EventStufferClientOptions): EventStufferClient {
  return createClient<paths>({
    ...options,
    headers: mergeHeaders(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}, headers),
  });
}
