import { TestAccount } from './accounts';
import { TestCompanion } from './booking-fixtures';
import { TestApp } from './test-app';

/** `POST /messages/send/:userId` as `from`. */
export function sendDirect(
  testApp: TestApp,
  from: TestAccount,
  toUserId: number,
  content: unknown,
) {
  return testApp.app.inject({
    method: 'POST',
    url: `/messages/send/${toUserId}`,
    headers: from.headers,
    payload: { content },
  });
}

/** A booking request of `client` for the companion; its code. */
export async function bookCompanion(
  testApp: TestApp,
  client: TestAccount,
  companion: TestCompanion,
  eventDate: string,
): Promise<string> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    headers: client.headers,
    payload: {
      companion_id: companion.id,
      event_date: eventDate,
      start_time: '10:00',
      duration_hours: 2,
      service_type: 'Event Hostess',
      location: 'Berlin',
      customer_email: client.email,
    },
  });
  if (response.statusCode !== 201) throw new Error(`${response.statusCode} ${response.body}`);
  return response.json().booking.booking_code;
}

/** Marks a booking paid in the bookings table (what a completed checkout leaves behind). */
export async function markPaid(testApp: TestApp, code: string): Promise<void> {
  await testApp.dataSource.query(
    `UPDATE bookings SET status = 'paid', payment_status = 'paid' WHERE booking_code = $1`,
    [code],
  );
}

/** Counts of messaging's tables: proof that a refused request stored nothing. */
export async function messagingState(testApp: TestApp): Promise<Record<string, number>> {
  const [row] = await testApp.dataSource.query(
    `SELECT (SELECT count(*) FROM conversations)::int AS conversations,
            (SELECT count(*) FROM conversation_participants)::int AS participants,
            (SELECT count(*) FROM messages)::int AS messages`,
  );
  return row;
}
