import { LocalCheckoutView } from '../../application/local-gateway.use-case';
import { toMajorUnits } from '../../../../shared/domain/money';

/** Every value shown on a page goes through here: nothing a user typed becomes markup. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #222; }
.notice { background: #fff4d6; border: 1px solid #e6c36a; padding: .5rem .75rem; border-radius: 4px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; }
button { font-size: 1.1rem; padding: .6rem 1.4rem; cursor: pointer; }
</style>
</head>
<body>
<p class="notice">Local payment gateway: no real money moves (development only).</p>
${body}
</body>
</html>
`;
}

function money(cents: number, currency: string): string {
  return `${toMajorUnits(cents).toFixed(2)} ${currency}`;
}

export function checkoutPage(view: LocalCheckoutView, action: string): string {
  const { booking, checkout } = view;
  const c = checkout.snapshot;
  const summary = `<dl>
<dt>Booking</dt><dd>${escapeHtml(booking.code)}</dd>
<dt>Service</dt><dd>${escapeHtml(booking.serviceType)}</dd>
<dt>When</dt><dd>${escapeHtml(booking.eventDate)} ${escapeHtml(booking.startTime)}, ${escapeHtml(booking.durationHours)} h (${escapeHtml(booking.timezone)})</dd>
<dt>Where</dt><dd>${escapeHtml(booking.location)}</dd>
<dt>Amount</dt><dd id="amount">${escapeHtml(money(c.amountCents, c.currency))}</dd>
</dl>`;
  if (c.status === 'completed') {
    return page(
      'Payment received',
      `<h1>Payment received</h1>${summary}<p id="status">Paid. You can close this page.</p>`,
    );
  }
  if (c.status === 'expired') {
    return page(
      'Checkout expired',
      `<h1>This checkout has expired</h1>${summary}<p id="status">Ask for a new payment link.</p>`,
    );
  }
  const failure = c.lastFailure
    ? `<p id="failure">Last attempt failed: ${escapeHtml(c.lastFailure)}</p>`
    : '';
  return page(
    `Pay ${booking.code}`,
    `<h1>Pay your booking</h1>${summary}${failure}
<form method="post" action="${escapeHtml(action)}"><button type="submit" id="pay">Pay ${escapeHtml(money(c.amountCents, c.currency))}</button></form>`,
  );
}

export function onboardingPage(action: string): string {
  return page(
    'Set up payouts',
    `<h1>Set up payouts</h1><p>Confirm to receive payouts to this (simulated) account.</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit" id="complete">Finish setup</button></form>`,
  );
}

export function onboardingDonePage(): string {
  return page(
    'Payouts ready',
    '<h1>Payouts ready</h1><p id="status">Your payouts can now be sent.</p>',
  );
}

export function returnPage(outcome: string | undefined): string {
  const messages: Record<string, string> = {
    paid: 'Thank you: your payment is being confirmed.',
    cancelled: 'The payment was not completed. You can pay again from your booking.',
    onboarding: 'Thank you: your payout details are being checked.',
  };
  const text = messages[outcome ?? ''] ?? 'You can close this page.';
  return page('EventStuffer', `<h1>EventStuffer</h1><p id="status">${escapeHtml(text)}</p>`);
}
