import pino from 'pino';

/** Query parameters that may carry a credential; their values never reach a log line. */
const CREDENTIAL_PARAMETER =
  /^(api[_-]?key|key|token|access[_-]?token|auth|authorization|password|secret|session|sid|csrf|csrf[_-]?token|signature)$/i;

/** `/x?api_key=ps_…&q=a` → `/x?api_key=[redacted]&q=a` (CONTRACT §9: no credentials in logs). */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const separator = pair.indexOf('=');
      const encodedName = separator === -1 ? pair : pair.slice(0, separator);
      let name = encodedName;
      try {
        name = decodeURIComponent(encodedName.replace(/\+/g, ' '));
      } catch {
        return '[redacted]';
      }
      return CREDENTIAL_PARAMETER.test(name) ? `${encodedName}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart)}?${query}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Fields of database errors that carry values: a query's parameters, PostgreSQL's `detail`. */
const VALUE_FIELDS = ['parameters', 'detail'];
/** PostgreSQL quotes the rejected input at the end of a line: `invalid input syntax …: "value"`. */
const QUOTED_INPUT = /(: )"[^\n]*"(?=\n|$)/g;
const TEXT_FIELDS = ['message', 'stack'];

/**
 * Errors as pino's standard serializer writes them, minus the values a failed query carries
 * (an argon2 hash, an API key digest, an e-mail in a unique-violation detail, the input quoted by
 * a type error). The SQL text, the SQLSTATE and the constraint stay: what a diagnosis needs.
 */
export function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown;
  if (serialized === null || typeof serialized !== 'object') return serialized;
  return withoutValues(serialized as Record<string, unknown>, 0);
}

function withoutValues(record: Record<string, unknown>, depth: number): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    if (VALUE_FIELDS.includes(name)) continue;
    if (TEXT_FIELDS.includes(name) && typeof value === 'string') {
      copy[name] = value.replace(QUOTED_INPUT, '$1"[redacted]"');
      continue;
    }
    const nested = (name === 'driverError' || name === 'cause') && depth < 3;
    copy[name] =
      nested && value !== null && typeof value === 'object'
        ? withoutValues(value as Record<string, unknown>, depth + 1)
        : value;
  }
  return copy;
}
