import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** `whsec_` + the base64 of 32 random bytes (CONTRACT §7.2; the Standard Webhooks shape). */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/**
 * `X-Webhook-Signature`: hex HMAC-SHA256 of the raw body keyed with the whole secret string,
 * exactly what the reference's `verifyWebhookSignature(payload, signature, secret)` checks.
 */
export function referenceSignature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * A Standard Webhooks signature (`v1,<base64>`): HMAC-SHA256 of `<id>.<timestamp>.<body>` keyed
 * with the base64-decoded part of the secret, as their libraries expect.
 */
export function standardSignature(
  body: string,
  secret: string,
  messageId: string,
  timestampSeconds: number,
): string {
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  const signed = `${messageId}.${timestampSeconds}.${body}`;
  return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
}

export interface SigningSecrets {
  current: string;
  /** The secret before the last rotation, still signing until it expires (24 h). */
  previous: string | null;
}

/** The headers of one attempt (a fresh timestamp each time; the same id for every attempt). */
export function signatureHeaders(
  body: string,
  secrets: SigningSecrets,
  messageId: string,
  now: Date,
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const all = [secrets.current, ...(secrets.previous ? [secrets.previous] : [])];
  const headers: Record<string, string> = {
    'x-webhook-id': messageId,
    'x-webhook-timestamp': String(timestamp),
    'x-webhook-signature': referenceSignature(body, secrets.current),
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': all
      .map((secret) => standardSignature(body, secret, messageId, timestamp))
      .join(' '),
  };
  if (secrets.previous) {
    headers['x-webhook-signature-previous'] = referenceSignature(body, secrets.previous);
  }
  return headers;
}
