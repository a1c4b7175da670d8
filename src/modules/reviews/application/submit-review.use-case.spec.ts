import {
  actor,
  ImmediateTransactionRunner,
  ManualClock,
  RecordingEventOutbox,
  RecordingJobScheduler,
} from '../../../../test/support/fakes';
import {
  FakeReviewableBookings,
  InMemoryReviewRepository,
  RecordingStaffRatings,
} from '../../../../test/support/fakes/reviews';
import { PUBLISH_AFTER_MS } from '../domain/review';
import { PublishDueReviewsUseCase } from './publish-due-reviews.use-case';
import { ReviewPublicationScheduler, PUBLISH_REVIEWS_QUEUE } from './review-publication.scheduler';
import { ReviewPublisher } from './review-publisher';
import { SubmitReviewUseCase } from './submit-review.use-case';

function setUp() {
  const clock = new ManualClock('2026-06-02T10:00:00.000Z');
  const bookings = new FakeReviewableBookings();
  bookings.add({
    id: 7,
    code: 'PS-AAAAAAAA',
    status: 'completed',
    companionId: 3,
    clientUserId: 10,
    staffUserId: 20,
    completedAt: new Date('2026-06-01T22:00:00.000Z'),
  });
  const reviews = new InMemoryReviewRepository();
  const ratings = new RecordingStaffRatings();
  const outbox = new RecordingEventOutbox();
  const jobs = new RecordingJobScheduler();
  const transactions = new ImmediateTransactionRunner();
  const publisher = new ReviewPublisher(reviews, ratings, outbox);
  const scheduler = new ReviewPublicationScheduler(jobs, clock);
  const submit = new SubmitReviewUseCase(
    bookings,
    reviews,
    publisher,
    scheduler,
    transactions,
    clock,
  );
  const publishDue = new PublishDueReviewsUseCase(reviews, publisher, transactions, clock);
  return { clock, reviews, ratings, outbox, jobs, submit, publishDue };
}

const command = (rating: number) => ({
  booking: { id: 7 },
  rating,
  comment: null,
  punctuality: null,
  professionalism: null,
  communication: null,
  appearance: null,
});
const client = actor({ userId: 10, role: 'client' });
const staff = actor({ userId: 20, role: 'staff' });

describe('SubmitReviewUseCase and PublishDueReviewsUseCase (CONTRACT §7.1)', () => {
  it('keeps a first review hidden, counted nowhere, with its publication scheduled 14 days on', async () => {
    const { submit, ratings, outbox, jobs, clock } = setUp();
    const review = await submit.execute(command(4), client);
    expect(review.published).toBe(false);
    expect(ratings.added.size).toBe(0);
    expect(outbox.events).toEqual([]);
    expect(jobs.jobs).toEqual([
      {
        queue: PUBLISH_REVIEWS_QUEUE,
        data: { bookingId: 7 },
        delaySeconds: PUBLISH_AFTER_MS / 1000,
        singletonKey: 'booking:7:publish-reviews',
      },
    ]);
    expect(clock.now()).toEqual(review.snapshot.createdAt);
  });

  it("publishes both reviews with the other party's, adding only the client's rating to the profile", async () => {
    const { submit, ratings, outbox, jobs, clock } = setUp();
    await submit.execute(command(4), client);
    clock.advanceHours(5);
    const second = await submit.execute(command(2), staff);
    expect(second.published).toBe(true);
    expect(ratings.added).toEqual(new Map([[3, [4]]]));
    expect(outbox.types()).toEqual(['review.created', 'review.created']);
    expect(outbox.events.every((e) => e.occurredAt.getTime() === clock.now().getTime())).toBe(true);
    expect(jobs.jobs).toHaveLength(1);
  });

  it('refuses a second review by the same party without touching anything', async () => {
    const { submit, reviews, jobs } = setUp();
    await submit.execute(command(4), client);
    await expect(submit.execute(command(1), client)).rejects.toThrow(
      'You have already reviewed this booking',
    );
    expect(reviews.rows).toHaveLength(1);
    expect(jobs.jobs).toHaveLength(1);
  });

  it('publishes a lone review when its job runs on time, and only then', async () => {
    const { submit, publishDue, ratings, outbox, clock } = setUp();
    const review = await submit.execute(command(5), client);
    clock.advance(PUBLISH_AFTER_MS - 1);
    expect(await publishDue.execute(7)).toEqual({
      outcome: 'not_due',
      dueAt: review.snapshot.publishesAt,
    });
    expect(outbox.events).toEqual([]);
    clock.advance(1);
    expect(await publishDue.execute(7)).toEqual({ outcome: 'published', count: 1 });
    expect(ratings.added).toEqual(new Map([[3, [5]]]));
    expect(await publishDue.execute(7)).toEqual({ outcome: 'nothing_to_do' });
    expect(outbox.types()).toEqual(['review.created']);
  });
});
