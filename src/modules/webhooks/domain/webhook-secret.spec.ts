import { createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { SecretBox } from './secret-box';
import { generateWebhookSecret, signatureHeaders } from './webhook-secret';

/** The reference's verification function (API reference § Webhooks). */
function verifyWebhookSignature(payload: string, signature: string, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(payload).digest('hex');
  return timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

describe('webhook signing secrets', () => {
  const body = JSON.stringify({ id: 'evt_1', type: 'booking.created', sequence: 1, data: {} });

  it('are whsec_ + the base64 of 32 random bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('sign what the reference function and the standardwebhooks library verify', () => {
    const secret = generateWebhookSecret();
    const headers = signatureHeaders(
      body,
      { current: secret, previous: null },
      'evt_1',
      new Date(),
    );
    expect(verifyWebhookSignature(body, headers['x-webhook-signature'], secret)).toBe(true);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers['x-webhook-id']).toBe('evt_1');
    expect(headers['webhook-id']).toBe('evt_1');
    expect(headers['x-webhook-signature-previous']).toBeUndefined();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
  });

  it('sign with both secrets during a rotation', () => {
    const [previous, current] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signatureHeaders(body, { current, previous }, 'evt_2', new Date());
    expect(verifyWebhookSignature(body, headers['x-webhook-signature'], current)).toBe(true);
    expect(verifyWebhookSignature(body, headers['x-webhook-signature-previous'], previous)).toBe(
      true,
    );
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
  });

  it('carry a timestamp the Standard Webhooks libraries check against replays', () => {
    const secret = generateWebhookSecret();
    const old = signatureHeaders(
      body,
      { current: secret, previous: null },
      'evt_3',
      new Date(Date.now() - 10 * 60_000),
    );
    expect(() => new Webhook(secret).verify(body, old)).toThrow(/timestamp/i);
  });

  it('are sealed at rest with AES-256-GCM: a wrong key or a changed byte fails to open', () => {
    const box = new SecretBox(Buffer.alloc(32, 1));
    const secret = generateWebhookSecret();
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.seal(secret)).not.toBe(sealed);
    expect(box.open(sealed)).toBe(secret);
    expect(() => new SecretBox(Buffer.alloc(32, 2)).open(sealed)).toThrow();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    parts[3] = flipped.toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow();
  });
});
