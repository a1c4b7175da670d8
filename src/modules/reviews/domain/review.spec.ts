import {
  draftReview,
  PUBLISH_AFTER_MS,
  REVIEW_WINDOW_MS,
  Review,
  ReviewableBooking,
} from './review';

const COMPLETED_AT = new Date('2026-06-01T22:00:00.000Z');
const booking: ReviewableBooking = {
  id: 7,
  status: 'completed',
  companionId: 3,
  clientUserId: 10,
  staffUserId: 20,
  completedAt: COMPLETED_AT,
};
const content = {
  rating: 4,
  comment: null,
  punctuality: null,
  professionalism: null,
  communication: null,
  appearance: null,
};
const client = { userId: 10, firstName: 'Anna' };
const staff = { userId: 20, firstName: 'Maria' };
const at = (ms: number) => new Date(COMPLETED_AT.getTime() + ms);

describe('draftReview (CONTRACT §7.1)', () => {
  it("makes the client's review one of the staff member's profile, and the staff member's one of the client", () => {
    expect(draftReview(booking, client, content, at(1000))).toMatchObject({
      reviewerRole: 'client',
      revieweeUserId: 20,
      companionId: 3,
      reviewerFirstName: 'Anna',
      publishesAt: at(1000 + PUBLISH_AFTER_MS),
    });
    expect(draftReview(booking, staff, content, at(1000))).toMatchObject({
      reviewerRole: 'staff',
      revieweeUserId: 10,
      companionId: null,
    });
  });

  it('tells anyone but the parties that the booking does not exist', () => {
    expect(() => draftReview(booking, { userId: 99, firstName: 'X' }, content, at(0))).toThrow(
      'Booking not found',
    );
    expect(() => draftReview(null, client, content, at(0))).toThrow('Booking not found');
  });

  it.each(['pending', 'accepted', 'paid', 'cancelled', 'disputed'])(
    'refuses a %s booking',
    (status) => {
      expect(() =>
        draftReview({ ...booking, status, completedAt: null }, client, content, at(0)),
      ).toThrow(`Only a completed booking can be reviewed (this one is ${status})`);
    },
  );

  it('is open until exactly 30 days after completion', () => {
    expect(() => draftReview(booking, client, content, at(REVIEW_WINDOW_MS))).not.toThrow();
    expect(() => draftReview(booking, client, content, at(REVIEW_WINDOW_MS + 1))).toThrow(
      /Reviews closed 30 days after the booking was completed/,
    );
  });
});

describe('Review', () => {
  const hidden = Review.restore({
    ...draftReview(booking, client, content, at(0)),
    id: 1,
    response: null,
    respondedAt: null,
    publishedAt: null,
  });
  const published = Review.restore({ ...hidden.snapshot, publishedAt: at(5) });

  it.each([
    ['its author', 10, false, true, true],
    ['the other party', 20, false, false, true],
    ['a stranger', 30, false, false, true],
    ['an admin', 40, true, true, true],
  ])(
    'is visible to %s: hidden %s, published %s',
    (_who, userId, admin, whenHidden, whenPublished) => {
      expect(hidden.isVisibleTo({ userId, admin })).toBe(whenHidden);
      expect(published.isVisibleTo({ userId, admin })).toBe(whenPublished);
    },
  );

  it('takes one response, from the staff member reviewed, once published', () => {
    const review = Review.restore({ ...published.snapshot });
    expect(() =>
      Review.restore(hidden.snapshot).respond({ userId: 20, admin: false }, 'Hi', at(6)),
    ).toThrow('Review not found');
    expect(() => review.respond({ userId: 10, admin: false }, 'Hi', at(6))).toThrow(
      'Only the staff member reviewed can respond to this review',
    );
    expect(() => review.respond({ userId: 40, admin: true }, 'Hi', at(6))).toThrow(
      'Only the staff member reviewed can respond to this review',
    );
    review.respond({ userId: 20, admin: false }, 'Thank you', at(6));
    expect(review.snapshot).toMatchObject({ response: 'Thank you', respondedAt: at(6) });
    expect(() => review.respond({ userId: 20, admin: false }, 'Again', at(7))).toThrow(
      'This review already has a response',
    );
  });

  it("has no response to a staff member's review of a client", () => {
    const ofClient = Review.restore({
      ...draftReview(booking, staff, content, at(0)),
      id: 2,
      response: null,
      respondedAt: null,
      publishedAt: at(1),
    });
    expect(() => ofClient.respond({ userId: 10, admin: false }, 'No', at(2))).toThrow(
      'Only the staff member reviewed can respond to this review',
    );
  });
});
