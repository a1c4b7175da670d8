import { PublishDueReviewsUseCase } from '../../src/modules/reviews/application/publish-due-reviews.use-case';
import {
  createCompanion,
  createUser,
  keyHeaders,
  TestCompanion,
  TestUser,
} from '../support/booking-fixtures';
import { useStripeTestApp } from '../support/stripe-test-app';
import { payThroughStripe } from '../support/payments';

const START = '2026-05-01T10:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** CONTRACT §7.1: double-blind reviews of completed bookings, responses, ratings on profiles. */
describe('reviews', () => {
  const suite = useStripeTestApp({ start: START });
  const { clock, fake } = suite;
  let stranger: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    stranger = await createUser(suite.testApp);
    admin = await createUser(suite.testApp, { role: 'admin' });
  });

  interface Booking {
    id: number;
    code: string;
    endsAt: Date;
  }

  const inject = (method: 'GET' | 'POST', url: string, as: TestUser, payload?: object) =>
    suite.testApp.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

  /** A booking accepted and paid through the fake Stripe, not yet completed. */
  async function paidBooking(as: TestUser = suite.client, target: TestCompanion = suite.companion) {
    const created = await inject('POST', '/api/v1/bookings', as, {
      companion_id: target.id,
      event_date: suite.nextEventDate(),
      start_time: '18:00',
      duration_hours: 4,
      service_type: 'Event Hostess',
      location: 'Messe Berlin',
      customer_email: as.email,
    });
    expect(created.statusCode).toBe(201);
    const booking = created.json().booking;
    const accepted = await inject(
      'POST',
      `/api/v1/bookings/${booking.booking_code}/accept`,
      target.staff,
    );
    expect(accepted.statusCode).toBe(200);
    await payThroughStripe(suite.testApp, fake, booking.booking_code, as);
    return { id: booking.id, code: booking.booking_code, endsAt: new Date(booking.ends_at) };
  }

  /** Completes paid bookings by their client, one hour after the last one ends. */
  async function complete(bookings: Booking[], as: TestUser = suite.client): Promise<void> {
    const last = Math.max(...bookings.map((b) => b.endsAt.getTime()));
    clock.set(new Date(last + HOUR));
    for (const booking of bookings) {
      const done = await inject('POST', `/api/v1/bookings/${booking.code}/complete`, as);
      expect(done.statusCode).toBe(200);
    }
  }

  async function completedBooking(
    as: TestUser = suite.client,
    target: TestCompanion = suite.companion,
  ): Promise<Booking> {
    const booking = await paidBooking(as, target);
    await complete([booking], as);
    return booking;
  }

  const review = (
    booking: Booking | string | number,
    as: TestUser,
    payload: object = { rating: 5 },
  ) =>
    inject(
      'POST',
      `/reviews/booking/${typeof booking === 'object' ? booking.id : booking}`,
      as,
      payload,
    );
  const reviewsOf = (userId: number, as: TestUser, query = '') =>
    inject('GET', `/reviews/user/${userId}${query}`, as);
  const profileOf = async (target: TestCompanion = suite.companion) => {
    const response = await inject('GET', `/api/v1/companions/${target.id}`, stranger);
    expect(response.statusCode).toBe(200);
    return response.json().companion ?? response.json();
  };
  const reviewEvents = async (): Promise<Array<{ aggregate_id: string }>> =>
    suite.testApp.dataSource.query(
      `SELECT aggregate_id FROM domain_events WHERE type = 'review.created' ORDER BY id`,
    );
  const reviewCount = async (): Promise<number> => {
    const [{ count }] = await suite.testApp.dataSource.query(
      'SELECT count(*)::int AS count FROM reviews',
    );
    return count;
  };
  const idsSeenBy = async (userId: number, as: TestUser): Promise<number[]> => {
    const response = await reviewsOf(userId, as);
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe(response.json().reviews.length);
    return response.json().reviews.map((r: { id: number }) => r.id);
  };
  const publishDue = (bookingId: number) =>
    suite.testApp.app.get(PublishDueReviewsUseCase).execute(bookingId);

  describe('double-blind (the visibility matrix)', () => {
    it('keeps a first review to its author and admins until the other party reviews', async () => {
      const staffMember = await createCompanion(suite.testApp);
      const booking = await completedBooking(suite.client, staffMember);
      const eventsBefore = (await reviewEvents()).length;

      const byClient = await review(booking, suite.client, {
        rating: 4,
        comment: 'Great hostess',
        punctuality: 5,
        professionalism: 4,
      });
      expect(byClient.statusCode).toBe(201);
      const clientReview = byClient.json().review;
      expect(clientReview).toMatchObject({
        rating: 4,
        comment: 'Great hostess',
        punctuality: 5,
        professionalism: 4,
        communication: null,
        appearance: null,
        reviewer_role: 'client',
        reviewee_user_id: staffMember.staff.id,
        published: false,
        published_at: null,
      });
      expect(new Date(clientReview.publishes_at).getTime()).toBe(clock.now().getTime() + 14 * DAY);

      // Before the second review: the author and admins see it, nobody else, and nothing counts.
      const staffId = staffMember.staff.id;
      expect(await idsSeenBy(staffId, suite.client)).toEqual([clientReview.id]);
      expect(await idsSeenBy(staffId, admin)).toEqual([clientReview.id]);
      expect(await idsSeenBy(staffId, staffMember.staff)).toEqual([]);
      expect(await idsSeenBy(staffId, stranger)).toEqual([]);
      expect(await profileOf(staffMember)).toMatchObject({
        rating_avg: 0,
        total_reviews: 0,
        reviews: [],
      });
      expect(await reviewEvents()).toHaveLength(eventsBefore);
      const respondEarly = await inject(
        'POST',
        `/reviews/${clientReview.id}/respond`,
        staffMember.staff,
        { response: 'Thanks' },
      );
      expect(respondEarly.statusCode).toBe(404);

      // The staff member's review of the client publishes both at once.
      clock.advance(2 * DAY);
      const byStaff = await review(booking, staffMember.staff, { rating: 3, comment: 'Late' });
      expect(byStaff.statusCode).toBe(201);
      const staffReview = byStaff.json().review;
      expect(staffReview).toMatchObject({
        reviewer_role: 'staff',
        reviewee_user_id: suite.client.id,
        published: true,
        published_at: clock.now().toISOString(),
        publishes_at: null,
      });

      for (const viewer of [suite.client, staffMember.staff, stranger, admin]) {
        expect(await idsSeenBy(staffId, viewer)).toEqual([clientReview.id]);
        expect(await idsSeenBy(suite.client.id, viewer)).toContain(staffReview.id);
      }
      const listed = (await reviewsOf(staffId, stranger)).json().reviews[0];
      expect(listed).toMatchObject({ id: clientReview.id, published: true, rating: 4 });
      const profile = await profileOf(staffMember);
      expect(profile).toMatchObject({ rating_avg: 4, total_reviews: 1 });
      expect(profile.reviews).toEqual([
        {
          id: clientReview.id,
          rating: 4,
          comment: 'Great hostess',
          punctuality: 5,
          professionalism: 4,
          communication: null,
          appearance: null,
          reviewer_first_name: 'Test',
          response: null,
          created_at: clientReview.created_at,
        },
      ]);
      const events = await reviewEvents();
      expect(
        events
          .slice(eventsBefore)
          .map((e) => Number(e.aggregate_id))
          .sort(),
      ).toEqual([clientReview.id, staffReview.id].sort());
      const [event] = await suite.testApp.dataSource.query(
        `SELECT payload FROM domain_events WHERE type = 'review.created' AND aggregate_id = $1`,
        [String(clientReview.id)],
      );
      expect(event.payload).toMatchObject({
        review: { id: clientReview.id, rating: 4, companion_id: staffMember.id },
        reviewer_user_id: suite.client.id,
        reviewee_user_id: staffId,
      });
    });

    it('publishes a lone review 14 days after it was written, through its durable job', async () => {
      const staffMember = await createCompanion(suite.testApp);
      const booking = await completedBooking(suite.client, staffMember);
      const written = await review(booking, suite.client, { rating: 2 });
      expect(written.statusCode).toBe(201);
      const id = written.json().review.id;
      const writtenAt = clock.now().getTime();

      const [job] = await suite.testApp.dataSource.query(
        `SELECT data, start_after, created_on FROM pgboss.job
          WHERE name = 'reviews.publish' AND singleton_key = $1`,
        [`booking:${booking.id}:publish-reviews`],
      );
      expect(job.data).toEqual({ bookingId: booking.id });
      const delay = new Date(job.start_after).getTime() - new Date(job.created_on).getTime();
      expect(Math.round(delay / HOUR)).toBe(14 * 24);

      clock.set(new Date(writtenAt + 14 * DAY - 60_000));
      expect(await publishDue(booking.id)).toEqual({
        outcome: 'not_due',
        dueAt: new Date(writtenAt + 14 * DAY),
      });
      expect(await idsSeenBy(staffMember.staff.id, stranger)).toEqual([]);
      expect(await profileOf(staffMember)).toMatchObject({ rating_avg: 0, total_reviews: 0 });

      clock.set(new Date(writtenAt + 14 * DAY));
      expect(await publishDue(booking.id)).toEqual({ outcome: 'published', count: 1 });
      for (const viewer of [stranger, staffMember.staff, suite.client, admin]) {
        expect(await idsSeenBy(staffMember.staff.id, viewer)).toEqual([id]);
      }
      expect(await profileOf(staffMember)).toMatchObject({ rating_avg: 2, total_reviews: 1 });
      expect(await publishDue(booking.id)).toEqual({ outcome: 'nothing_to_do' });
      expect(await profileOf(staffMember)).toMatchObject({ rating_avg: 2, total_reviews: 1 });

      // The other party may still review within the 30 days: theirs is public at once.
      clock.advance(5 * DAY);
      const late = await review(booking, staffMember.staff, { rating: 5 });
      expect(late.statusCode).toBe(201);
      expect(late.json().review.published).toBe(true);
      expect(await profileOf(staffMember)).toMatchObject({ rating_avg: 2, total_reviews: 1 });
    });
  });

  it('runs the publication job through pg-boss: early, it is scheduled again; due, it publishes', async () => {
    const staffMember = await createCompanion(suite.testApp);
    const booking = await completedBooking(suite.client, staffMember);
    const written = await review(booking, suite.client, { rating: 3 });
    const writtenAt = clock.now().getTime();
    const key = `booking:${booking.id}:publish-reviews`;
    const jobs = async (): Promise<Array<{ state: string; delay: number }>> =>
      suite.testApp.dataSource.query(
        `SELECT state, extract(epoch FROM start_after - created_on)::int AS delay
           FROM pgboss.job WHERE name = 'reviews.publish' AND singleton_key = $1 ORDER BY created_on`,
        [key],
      );
    const until = async (done: () => Promise<boolean>) => {
      for (let attempt = 0; attempt < 60 && !(await done()); attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    try {
      // Fired early (the service's clock says 10 days): nothing is published, a new job waits.
      clock.set(new Date(writtenAt + 10 * DAY));
      await suite.testApp.dataSource.query(
        `UPDATE pgboss.job SET start_after = now() WHERE name = 'reviews.publish' AND singleton_key = $1`,
        [key],
      );
      await until(async () => {
        const all = await jobs();
        return all.length === 2 && all[0].state === 'completed';
      });
      const [first, second] = await jobs();
      expect(first.state).toBe('completed');
      expect(second.state).toBe('created');
      expect(second.delay).toBeGreaterThanOrEqual(4 * 24 * 3600 - 5);
      expect(second.delay).toBeLessThanOrEqual(4 * 24 * 3600);
      expect(await idsSeenBy(staffMember.staff.id, stranger)).toEqual([]);

      // Due: the queue's worker publishes it.
      clock.set(new Date(writtenAt + 14 * DAY));
      await suite.testApp.dataSource.query(
        `UPDATE pgboss.job SET start_after = now()
          WHERE name = 'reviews.publish' AND singleton_key = $1 AND state = 'created'`,
        [key],
      );
      await until(async () => (await idsSeenBy(staffMember.staff.id, stranger)).length === 1);
      expect(await idsSeenBy(staffMember.staff.id, stranger)).toEqual([written.json().review.id]);
      expect(await profileOf(staffMember)).toMatchObject({ rating_avg: 3, total_reviews: 1 });
    } finally {
      clock.set(START);
    }
  });

  describe('who may review, when, and how often', () => {
    let booking: Booking;

    beforeAll(async () => {
      clock.set(START);
      booking = await completedBooking();
    });

    it('refuses strangers, admins and unknown bookings with 404, changing nothing', async () => {
      const before = await reviewCount();
      for (const [target, as] of [
        [booking.id, stranger],
        [booking.id, admin],
        [2_000_000, suite.client],
        ['PS-ZZZZZZZZ', suite.client],
      ] as const) {
        const refused = await review(target, as);
        expect(refused.statusCode).toBe(404);
        expect(refused.json()).toEqual({ error: 'Booking not found' });
      }
      expect(await reviewCount()).toBe(before);
    });

    it('accepts the booking code, once per party (a second one is 409, also when concurrent)', async () => {
      clock.set(new Date(booking.endsAt.getTime() + 2 * HOUR));
      const before = await reviewCount();
      const [first, second] = await Promise.all([
        review(booking.code, suite.client, { rating: 5 }),
        review(booking.code, suite.client, { rating: 1 }),
      ]);
      expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
      const conflict = first.statusCode === 409 ? first : second;
      expect(conflict.json()).toEqual({ error: 'You have already reviewed this booking' });
      const again = await review(booking.id, suite.client, { rating: 3 });
      expect(again.statusCode).toBe(409);
      expect(await reviewCount()).toBe(before + 1);
    });

    it('opens only once the booking is completed', async () => {
      const paid = await paidBooking();
      clock.set(new Date(paid.endsAt.getTime() + HOUR));
      const before = await reviewCount();
      for (const as of [suite.client, suite.companion.staff]) {
        const refused = await review(paid, as);
        expect(refused.statusCode).toBe(409);
        expect(refused.json().error).toBe(
          'Only a completed booking can be reviewed (this one is paid)',
        );
      }
      expect(await reviewCount()).toBe(before);
    });

    it('closes 30 days after completion', async () => {
      const done = await completedBooking();
      const completedAt = clock.now().getTime();
      clock.set(new Date(completedAt + 30 * DAY + 1000));
      const late = await review(done, suite.client);
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toBe(
        `Reviews closed 30 days after the booking was completed, at ${new Date(completedAt + 30 * DAY).toISOString()}`,
      );
      clock.set(new Date(completedAt + 30 * DAY));
      expect((await review(done, suite.companion.staff)).statusCode).toBe(201);
    });

    it.each([
      ['missing rating', {}, 'rating'],
      ['rating 0', { rating: 0 }, 'rating'],
      ['rating 6', { rating: 6 }, 'rating'],
      ['fractional rating', { rating: 4.5 }, 'rating'],
      ['rating as text', { rating: '5' }, 'rating'],
      ['null rating', { rating: null }, 'rating'],
      ['comment too long', { rating: 5, comment: 'x'.repeat(2001) }, 'comment'],
      ['comment not text', { rating: 5, comment: 42 }, 'comment'],
      ['punctuality 0', { rating: 5, punctuality: 0 }, 'punctuality'],
      ['professionalism 6', { rating: 5, professionalism: 6 }, 'professionalism'],
      ['communication 2.5', { rating: 5, communication: 2.5 }, 'communication'],
      ['appearance as text', { rating: 5, appearance: 'good' }, 'appearance'],
      ['unknown field', { rating: 5, stars: 5 }, 'stars'],
      ['control character', { rating: 5, comment: 'bad\u0000' }, 'comment'],
    ])('422 for %s, changing nothing', async (_label, payload, field) => {
      const fresh = await createUser(suite.testApp);
      const before = await reviewCount();
      const refused = await review(booking, fresh, payload);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toBe('Validation failed');
      expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(await reviewCount()).toBe(before);
    });

    it.each(['abc', '0', '007', '-1', '2147483648', 'ps-a1b2c3d4', 'respond'])(
      '422 for the booking reference %s',
      async (reference) => {
        const refused = await review(reference, suite.client);
        expect(refused.statusCode).toBe(422);
        expect(refused.json().errors).toEqual([
          { field: 'bookingId', message: 'Must be a booking id or a booking code (PS-XXXXXXXX)' },
        ]);
      },
    );

    it('is by session only: an API key cannot post a review', async () => {
      const headers = await keyHeaders(suite.testApp, suite.client);
      const refused = await suite.testApp.app.inject({
        method: 'POST',
        url: `/reviews/booking/${booking.id}`,
        headers,
        payload: { rating: 5 },
      });
      expect(refused.statusCode).toBe(403);
      const read = await suite.testApp.app.inject({
        method: 'GET',
        url: `/reviews/user/${suite.companion.staff.id}`,
        headers: await keyHeaders(suite.testApp, suite.client, ['read']),
      });
      expect(read.statusCode).toBe(200);
    });
  });

  describe('responses', () => {
    it('lets only the staff member reviewed answer a published review, once', async () => {
      const staffMember = await createCompanion(suite.testApp);
      const booking = await completedBooking(suite.client, staffMember);
      const clientReview = (await review(booking, suite.client, { rating: 5 })).json().review;
      const staffReview = (await review(booking, staffMember.staff, { rating: 4 })).json().review;
      const respond = (id: number, as: TestUser, payload: object = { response: 'Thank you!' }) =>
        inject('POST', `/reviews/${id}/respond`, as, payload);

      for (const as of [suite.client, stranger, admin]) {
        const refused = await respond(clientReview.id, as);
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toEqual({
          error: 'Only the staff member reviewed can respond to this review',
        });
      }
      // A review of the client has no response: the client is not a staff member reviewed.
      expect((await respond(staffReview.id, suite.client)).statusCode).toBe(403);
      expect((await respond(2_000_000, staffMember.staff)).statusCode).toBe(404);
      for (const payload of [
        {},
        { response: '' },
        { response: '   ' },
        { response: 'x'.repeat(2001) },
        { response: 'ok', extra: 1 },
      ]) {
        expect((await respond(clientReview.id, staffMember.staff, payload)).statusCode).toBe(422);
      }

      clock.advance(HOUR);
      const answered = await respond(clientReview.id, staffMember.staff, {
        response: '  Thank you!  ',
      });
      expect(answered.statusCode).toBe(200);
      expect(answered.json().review).toMatchObject({
        id: clientReview.id,
        response: 'Thank you!',
        responded_at: clock.now().toISOString(),
      });
      const twice = await respond(clientReview.id, staffMember.staff, { response: 'Again' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toEqual({ error: 'This review already has a response' });

      expect((await profileOf(staffMember)).reviews[0].response).toBe('Thank you!');
      expect((await reviewsOf(staffMember.staff.id, stranger)).json().reviews[0].response).toBe(
        'Thank you!',
      );
    });
  });

  describe('ratings on profiles and in search', () => {
    it('keeps an exact average under concurrent publications on one profile', async () => {
      const staffMember = await createCompanion(suite.testApp);
      const clients = await Promise.all(Array.from({ length: 8 }, () => createUser(suite.testApp)));
      const bookings: Booking[] = [];
      for (const one of clients) bookings.push(await paidBooking(one, staffMember));
      const last = Math.max(...bookings.map((b) => b.endsAt.getTime()));
      clock.set(new Date(last + HOUR));
      for (const [index, booking] of bookings.entries()) {
        const done = await inject(
          'POST',
          `/api/v1/bookings/${booking.code}/complete`,
          clients[index],
        );
        expect(done.statusCode).toBe(200);
        // The staff member's review first: hidden, it waits for the client's.
        expect((await review(booking, staffMember.staff, { rating: 5 })).statusCode).toBe(201);
      }
      const ratings = [5, 4, 4, 3, 5, 2, 1, 5];
      const published = await Promise.all(
        bookings.map((booking, index) =>
          review(booking, clients[index], { rating: ratings[index] }),
        ),
      );
      expect(published.map((r) => r.statusCode)).toEqual(ratings.map(() => 201));
      expect(published.every((r) => r.json().review.published)).toBe(true);

      const [stored] = await suite.testApp.dataSource.query(
        `SELECT p.rating_avg::float AS rating_avg, p.total_reviews,
                (SELECT round(avg(r.rating), 2)::float FROM reviews r
                  WHERE r.companion_id = p.id AND r.published_at IS NOT NULL) AS aggregate_avg,
                (SELECT count(*)::int FROM reviews r
                  WHERE r.companion_id = p.id AND r.published_at IS NOT NULL) AS aggregate_total
           FROM companion_profiles p WHERE p.id = $1`,
        [staffMember.id],
      );
      expect(stored).toEqual({
        rating_avg: 3.63,
        total_reviews: 8,
        aggregate_avg: 3.63,
        aggregate_total: 8,
      });
      expect(await profileOf(staffMember)).toMatchObject({ rating_avg: 3.63, total_reviews: 8 });
    });

    it("moves the staff member in search's rating order", async () => {
      const [first, second] = [
        await createCompanion(suite.testApp),
        await createCompanion(suite.testApp),
      ];
      const booking = await completedBooking(suite.client, second);
      const order = async () => {
        const response = await inject('GET', '/api/v1/companions?sort=rating&limit=50', stranger);
        expect(response.statusCode).toBe(200);
        return response
          .json()
          .companions.filter((c: { id: number }) => [first.id, second.id].includes(c.id))
          .map((c: { id: number; rating_avg: number }) => [c.id, c.rating_avg]);
      };
      expect(await order()).toEqual([
        [first.id, 0],
        [second.id, 0],
      ]);
      await review(booking, suite.client, { rating: 5 });
      expect(await order()).toEqual([
        [first.id, 0],
        [second.id, 0],
      ]);
      await review(booking, second.staff, { rating: 4 });
      expect(await order()).toEqual([
        [second.id, 5],
        [first.id, 0],
      ]);
    });
  });

  it("pages a user's reviews newest first", async () => {
    const staffMember = await createCompanion(suite.testApp);
    const bookings: Booking[] = [];
    for (let i = 0; i < 3; i += 1) bookings.push(await paidBooking(suite.client, staffMember));
    await complete(bookings);
    const ids: number[] = [];
    for (const booking of bookings) {
      clock.advance(HOUR);
      await review(booking, staffMember.staff, { rating: 5 });
      ids.push((await review(booking, suite.client, { rating: 4 })).json().review.id);
    }
    const page1 = await reviewsOf(staffMember.staff.id, stranger, '?limit=2');
    expect(page1.json()).toMatchObject({ page: 1, limit: 2, total: 3 });
    const page2 = await reviewsOf(staffMember.staff.id, stranger, '?limit=2&page=2');
    expect(
      [...page1.json().reviews, ...page2.json().reviews].map((r: { id: number }) => r.id),
    ).toEqual([...ids].reverse());
    expect((await reviewsOf(staffMember.staff.id, stranger, '?limit=51')).statusCode).toBe(422);
    expect((await reviewsOf(staffMember.staff.id, stranger, '?page=0')).statusCode).toBe(422);
    expect((await reviewsOf(0, stranger)).statusCode).toBe(422);
    const anonymous = await suite.testApp.app.inject({
      method: 'GET',
      url: `/reviews/user/${suite.client.id}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
