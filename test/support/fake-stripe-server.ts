import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** One request the fake received, as the SDK sent it (form-encoded body, parsed). */
export interface RecordedCall {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: Record<string, unknown>;
  status: number;
  /** True when the answer was the stored answer of an earlier call with the same key. */
  replayed: boolean;
}

export interface FailurePlan {
  /** Answer with this status and Stripe's error body instead of handling the request. */
  status: number;
  /** How many matching calls fail (1 by default). */
  times?: number;
  /** Stripe's error type (`api_error` for a 5xx, `invalid_request_error` for a 4xx). */
  type?: string;
  code?: string;
}

interface Session {
  id: string;
  object: 'checkout.session';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  payment_intent: string | null;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  url: string;
  expires_at: number;
  success_url: string;
  cancel_url: string;
  transfer_group: string | null;
}

type Handler = (params: Record<string, unknown>, pathParts: string[]) => [number, unknown];

export interface FakeStripeOptions {
  webhookSecret?: string;
  /** The clock the signed events' timestamps come from (seconds of `now()`). */
  now?: () => Date;
  port?: number;
}

/**
 * A Stripe-compatible HTTP server for tests, driven through the real `stripe` SDK (its
 * `host`/`port`/`protocol` options). It implements the calls the payments module makes (Checkout
 * Sessions, refunds, transfers, Connect accounts and account links), records every call with its
 * Idempotency-Key, replays the stored answer for a repeated key as Stripe does, fails on demand,
 * and produces webhook events signed exactly as Stripe signs them.
 */
export class FakeStripeServer {
  readonly calls: RecordedCall[] = [];
  readonly sessions = new Map<string, Session>();
  readonly accounts = new Map<string, { id: string; payouts_enabled: boolean; email: string }>();
  readonly webhookSecret: string;
  private readonly failures: Array<{ pattern: RegExp; plan: FailurePlan; left: number }> = [];
  private readonly stored = new Map<string, { status: number; body: unknown; params: string }>();
  private readonly now: () => Date;
  private server: Server | undefined;
  private readonly routes: Array<{ method: string; pattern: RegExp; handle: Handler }>;
  private readonly stripe = new Stripe('sk_test_signing_only');

  constructor(private readonly options: FakeStripeOptions = {}) {
    this.webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(24).toString('hex')}`;
    this.now = options.now ?? (() => new Date());
    this.routes = [
      {
        method: 'POST',
        pattern: /^\/v1\/checkout\/sessions$/,
        handle: (p) => this.createSession(p),
      },
      {
        method: 'POST',
        pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
        handle: (_p, [id]) => this.expireSession(id),
      },
      { method: 'POST', pattern: /^\/v1\/refunds$/, handle: (p) => this.createRefund(p) },
      { method: 'POST', pattern: /^\/v1\/transfers$/, handle: (p) => this.createTransfer(p) },
      { method: 'POST', pattern: /^\/v1\/accounts$/, handle: (p) => this.createAccount(p) },
      {
        method: 'POST',
        pattern: /^\/v1\/account_links$/,
        handle: (p) => this.createAccountLink(p),
      },
    ];
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.serve(request, response));
    await new Promise<void>((resolve) =>
      this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve),
    );
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('The fake Stripe server is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The environment that points the service's Stripe adapter here. */
  env(): Record<string, string> {
    return {
      STRIPE_SECRET_KEY: 'sk_test_fake_stripe_server',
      STRIPE_WEBHOOK_SECRET: this.webhookSecret,
      STRIPE_API_URL: this.url,
      STRIPE_MAX_NETWORK_RETRIES: '0',
    };
  }

  /** The next `times` calls whose path matches fail with `status`, before anything is stored. */
  failNext(pathPattern: RegExp, plan: FailurePlan): void {
    this.failures.push({ pattern: pathPattern, plan, left: plan.times ?? 1 });
  }

  callsTo(pathPattern: RegExp): RecordedCall[] {
    return this.calls.filter((call) => pathPattern.test(call.path));
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.length = 0;
  }

  /** The client paid on the hosted page: the session completes and its events are returned. */
  payCheckout(sessionId: string): { completed: SignedEvent; intentSucceeded: SignedEvent } {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`No checkout session ${sessionId}`);
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent ??= `pi_${token()}`;
    const intent = {
      id: session.payment_intent,
      object: 'payment_intent',
      amount: session.amount_total,
      amount_received: session.amount_total,
      currency: session.currency,
      status: 'succeeded',
      metadata: session.metadata,
      transfer_group: session.transfer_group,
      last_payment_error: null,
    };
    return {
      completed: this.signedEvent('checkout.session.completed', { ...session }),
      intentSucceeded: this.signedEvent('payment_intent.succeeded', intent),
    };
  }

  /** A declined card on the hosted page; the session stays open. */
  failPayment(sessionId: string, declineCode = 'card_declined'): SignedEvent {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`No checkout session ${sessionId}`);
    session.payment_intent ??= `pi_${token()}`;
    return this.signedEvent('payment_intent.payment_failed', {
      id: session.payment_intent,
      object: 'payment_intent',
      amount: session.amount_total,
      amount_received: 0,
      currency: session.currency,
      status: 'requires_payment_method',
      metadata: session.metadata,
      last_payment_error: { code: 'card_declined', decline_code: declineCode, message: 'Declined' },
    });
  }

  /** Stripe reports the staff member's connected account ready (or not) for payouts. */
  accountUpdated(accountId: string, payoutsEnabled = true): SignedEvent {
    const account = this.accounts.get(accountId);
    if (account) account.payouts_enabled = payoutsEnabled;
    return this.signedEvent('account.updated', {
      id: accountId,
      object: 'account',
      payouts_enabled: payoutsEnabled,
      charges_enabled: payoutsEnabled,
    });
  }

  /** Any event, signed with the webhook secret at `timestamp` (the clock's now by default). */
  signedEvent(
    type: string,
    object: Record<string, unknown>,
    options: { id?: string; timestamp?: number; secret?: string } = {},
  ): SignedEvent {
    const event = {
      id: options.id ?? `evt_${token()}`,
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(this.now().getTime() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    };
    const payload = JSON.stringify(event);
    const signature = this.stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? this.webhookSecret,
      timestamp: options.timestamp ?? Math.floor(this.now().getTime() / 1000),
    });
    return { id: event.id, type, payload, signature };
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = (request.url ?? '/').split('?')[0];
    const method = request.method ?? 'GET';
    const idempotencyKey = headerValue(request.headers['idempotency-key']);
    const params = parseForm(body);
    const answer = (status: number, payload: unknown, replayed = false) => {
      this.calls.push({ method, path, idempotencyKey, params, status, replayed });
      response.writeHead(status, {
        'content-type': 'application/json',
        'request-id': `req_${token()}`,
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
      response.end(JSON.stringify(payload));
    };
    const failure = this.failures.find(
      (candidate) => candidate.pattern.test(path) && candidate.left > 0,
    );
    if (failure) {
      failure.left -= 1;
      const { status, type, code } = failure.plan;
      return answer(status, {
        error: {
          type: type ?? (status >= 500 ? 'api_error' : 'invalid_request_error'),
          message: `Failure on demand (${status})`,
          ...(code ? { code } : {}),
        },
      });
    }
    const storedKey = idempotencyKey ? `${method} ${path} ${idempotencyKey}` : null;
    const earlier = storedKey ? this.stored.get(storedKey) : undefined;
    if (earlier) {
      if (earlier.params !== body) {
        return answer(400, {
          error: {
            type: 'idempotency_error',
            message: 'Keys for idempotent requests can only be used with the same parameters',
          },
        });
      }
      return answer(earlier.status, earlier.body, true);
    }
    const route = this.routes.find(
      (candidate) => candidate.method === method && candidate.pattern.test(path),
    );
    if (!route) {
      return answer(404, { error: { type: 'invalid_request_error', message: `No route ${path}` } });
    }
    const [status, payload] = route.handle(params, route.pattern.exec(path)!.slice(1));
    if (storedKey) this.stored.set(storedKey, { status, body: payload, params: body });
    answer(status, payload);
  }

  private createSession(params: Record<string, unknown>): [number, unknown] {
    const lineItems = params.line_items as
      | Array<{ quantity?: string; price_data?: { unit_amount?: string; currency?: string } }>
      | undefined;
    const price = lineItems?.[0]?.price_data;
    if (!price?.unit_amount || !price.currency)
      return invalid('line_items[0][price_data] is required');
    const id = `cs_test_${token()}`;
    const intentData = (params.payment_intent_data ?? {}) as Record<string, unknown>;
    const session: Session = {
      id,
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      amount_total: Number(price.unit_amount) * Number(lineItems![0].quantity ?? 1),
      currency: String(price.currency),
      client_reference_id: (params.client_reference_id as string | undefined) ?? null,
      metadata: (params.metadata ?? {}) as Record<string, string>,
      url: `${this.url}/pay/${id}`,
      expires_at: Math.floor(this.now().getTime() / 1000) + 24 * 3600,
      success_url: String(params.success_url ?? ''),
      cancel_url: String(params.cancel_url ?? ''),
      transfer_group: (intentData.transfer_group as string | undefined) ?? null,
    };
    this.sessions.set(id, session);
    return [200, session];
  }

  private expireSession(id: string): [number, unknown] {
    const session = this.sessions.get(id);
    if (!session)
      return [404, { error: { type: 'invalid_request_error', message: 'No such session' } }];
    if (session.status === 'open') session.status = 'expired';
    return [200, session];
  }

  private createRefund(params: Record<string, unknown>): [number, unknown] {
    if (!params.payment_intent || !params.amount)
      return invalid('payment_intent and amount are required');
    return [
      200,
      {
        id: `re_${token()}`,
        object: 'refund',
        amount: Number(params.amount),
        payment_intent: params.payment_intent,
        status: 'succeeded',
        metadata: params.metadata ?? {},
      },
    ];
  }

  private createTransfer(params: Record<string, unknown>): [number, unknown] {
    const destination = String(params.destination ?? '');
    const account = this.accounts.get(destination);
    if (!account) return invalid('No such destination account', 'resource_missing');
    if (!account.payouts_enabled)
      return invalid('The destination cannot receive transfers yet', 'account_invalid');
    return [
      200,
      {
        id: `tr_${token()}`,
        object: 'transfer',
        amount: Number(params.amount),
        currency: params.currency,
        destination,
        transfer_group: params.transfer_group ?? null,
        metadata: params.metadata ?? {},
      },
    ];
  }

  private createAccount(params: Record<string, unknown>): [number, unknown] {
    const id = `acct_${token()}`;
    const account = { id, payouts_enabled: false, email: String(params.email ?? '') };
    this.accounts.set(id, account);
    return [
      200,
      { ...account, object: 'account', charges_enabled: false, metadata: params.metadata ?? {} },
    ];
  }

  private createAccountLink(params: Record<string, unknown>): [number, unknown] {
    const account = String(params.account ?? '');
    if (!this.accounts.has(account)) return invalid('No such account', 'resource_missing');
    return [
      200,
      {
        object: 'account_link',
        url: `${this.url}/connect/onboarding/${account}`,
        created: Math.floor(this.now().getTime() / 1000),
        expires_at: Math.floor(this.now().getTime() / 1000) + 300,
      },
    ];
  }
}

export interface SignedEvent {
  id: string;
  type: string;
  payload: string;
  signature: string;
}

function invalid(message: string, code?: string): [number, unknown] {
  return [400, { error: { type: 'invalid_request_error', message, ...(code ? { code } : {}) } }];
}

function token(): string {
  return randomBytes(12).toString('hex');
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value[0] : value;
}

/** Stripe's form encoding: `a[b][0][c]=1` → `{a: {b: [{c: '1'}]}}`. */
export function parseForm(body: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let target: Record<string, unknown> | unknown[] = result;
    path.forEach((part, index) => {
      const last = index === path.length - 1;
      const container = target as Record<string, unknown>;
      if (last) {
        container[part] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1]);
      container[part] ??= nextIsIndex ? [] : {};
      target = container[part] as Record<string, unknown>;
    });
  }
  return result;
}
