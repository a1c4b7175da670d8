import { EnableExtensions1795730000000 } from './1795730000000-enable-extensions';
import { CreateIdentity1795730100000 } from './1795730100000-create-identity';
import { CreateSessionsAndApiKeys1795730100100 } from './1795730100100-create-sessions-and-api-keys';
import { AddLoginFailureClientIp1795730100200 } from './1795730100200-add-login-failure-client-ip';
import { IndexSessionsByUser1795730100300 } from './1795730100300-index-sessions-by-user';
import { CreateCompanions1795730200000 } from './1795730200000-create-companions';
import { AddSearchCityServiceIndex1795730200100 } from './1795730200100-add-search-city-service-index';
import { AddListedRateCounts1795730200200 } from './1795730200200-add-listed-rate-counts';
import { AddSearchVersion1795730200300 } from './1795730200300-add-search-version';
import { AddCompanionRatingSum1795730200400 } from './1795730200400-add-companion-rating-sum';
import { CreateDomainEvents1795730300000 } from './1795730300000-create-domain-events';
import { CreateJobQueueSchema1795730300100 } from './1795730300100-create-job-queue-schema';
import { CreateIdempotencyKeys1795730300200 } from './1795730300200-create-idempotency-keys';
import { CreateBookings1795730300400 } from './1795730300400-create-bookings';
import { OrderDomainEventsByCommit1795730300500 } from './1795730300500-order-domain-events-by-commit';
import { AddBookingPaymentSteps1795730300600 } from './1795730300600-add-booking-payment-steps';
import { IndexBookingsForOperators1795730300700 } from './1795730300700-index-bookings-for-operators';
import { CreatePayments1795730400000 } from './1795730400000-create-payments';
import { NotifyDomainEventCommits1795730300800 } from './1795730300800-notify-domain-event-commits';
import { QueueWebhookDeliveries1795730500100 } from './1795730500100-queue-webhook-deliveries';
import { CreateWebhooks1795730500000 } from './1795730500000-create-webhooks';
import { CreateMessaging1795730600000 } from './1795730600000-create-messaging';
import { CreateReviews1795730700000 } from './1795730700000-create-reviews';
import { CreateAuditLog1795730900000 } from './1795730900000-create-audit-log';
import { CreateContactMessages1795730900100 } from './1795730900100-create-contact-messages';

/**
 * Every migration, in order. Listed explicitly (not globbed) so that the compiled service, the
 * TypeORM CLI and the TypeScript test runner all load the same set.
 * Timestamps by module: identity 17957301xxxxx, companions 17957302xxxxx, bookings 17957303xxxxx, payments 17957304xxxxx,
 * webhooks 17957305xxxxx, messaging 17957306xxxxx, reviews 17957307xxxxx, operators (audit log, contact messages)
 * 17957309xxxxx. A later migration of an earlier module keeps its module's prefix.
 */
export const migrations = [
  EnableExtensions1795730000000,
  CreateIdentity1795730100000,
  CreateSessionsAndApiKeys1795730100100,
  AddLoginFailureClientIp1795730100200,
  IndexSessionsByUser1795730100300,
  CreateCompanions1795730200000,
  AddSearchCityServiceIndex1795730200100,
  AddListedRateCounts1795730200200,
  AddSearchVersion1795730200300,
  AddCompanionRatingSum1795730200400,
  CreateDomainEvents1795730300000,
  CreateJobQueueSchema1795730300100,
  CreateIdempotencyKeys1795730300200,
  CreateBookings1795730300400,
  OrderDomainEventsByCommit1795730300500,
  AddBookingPaymentSteps1795730300600,
  IndexBookingsForOperators1795730300700,
  NotifyDomainEventCommits1795730300800,
  CreatePayments1795730400000,
  CreateWebhooks1795730500000,
  QueueWebhookDeliveries1795730500100,
  CreateMessaging1795730600000,
  CreateReviews1795730700000,
  CreateAuditLog1795730900000,
  CreateContactMessages1795730900100,
];
