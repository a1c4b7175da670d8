import { Injectable } from '@nestjs/common';
import { Actor, isAdmin } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { DomainError, FieldError } from '../../../shared/domain/domain-error';
import {
  addDays,
  localDateOf,
  parseCalendarDate,
  wallClockToUtc,
} from '../../../shared/domain/zoned-time';
import { BookingDraft } from '../domain/booking';
import { BookingError } from '../domain/booking.errors';
import { CURRENT_CANCELLATION_POLICY } from '../domain/cancellation-policy';
import { BookableStaff, CompanionCatalog } from '../domain/ports/companion-catalog';
import { Customer, CustomerDirectory } from '../domain/ports/customer-directory';
import { priceBooking } from '../domain/price';
import { PricingSettings } from '../domain/pricing-settings';
import { CreateBookingCommand } from './create-booking.command';

const MAX_DAYS_AHEAD = 365;
const HOUR_MS = 3_600_000;

/**
 * CONTRACT §4.1–4.3 beyond the shape of the body: every field checked (422, one error per field),
 * then a blocked day refused (409). Returns the complete, priced draft the aggregate is created
 * from; held intervals are checked by the insert itself (BookingRepository.insertIfAvailable).
 */
@Injectable()
export class BookingRequestValidator {
  constructor(
    private readonly catalog: CompanionCatalog,
    private readonly customers: CustomerDirectory,
    private readonly clock: Clock,
    private readonly pricing: PricingSettings,
  ) {}

  async validate(command: CreateBookingCommand, actor: Actor): Promise<BookingDraft> {
    if (actor.authenticatedBy === 'session' && actor.role !== 'client') {
      throw DomainError.forbidden('Only clients can request bookings');
    }
    const now = this.clock.now();
    // A booking of at most 24 h spans its start's local day and at most the two after (DST).
    const window = parseCalendarDate(command.eventDate)
      ? { from: command.eventDate, to: addDays(command.eventDate, 2) }
      : null;
    const [staff, customer] = await Promise.all([
      this.catalog.findBookable(command.companionId, window),
      this.customerFor(command.customerEmail, actor),
    ]);
    const errors: FieldError[] = [];
    if (!customer) errors.push({ field: 'customer_email', message: 'Unknown customer' });
    if (!staff) errors.push({ field: 'companion_id', message: 'Invalid companion' });
    const slot = staff ? checkSlot(command, staff, now, errors) : null;
    if (errors.length > 0 || !staff || !customer || !slot) throw DomainError.invalidFields(errors);
    const endsAt = new Date(slot.startsAt.getTime() + command.durationHours * HOUR_MS);
    ensureNotBlocked(staff, slot.startsAt, endsAt);
    return {
      companionId: staff.companionId,
      staffUserId: staff.userId,
      clientUserId: customer.userId,
      createdByUserId: actor.userId,
      createdByApiKeyId: actor.apiKeyId,
      eventDate: command.eventDate,
      startTime: command.startTime,
      durationHours: command.durationHours,
      timezone: staff.timezone,
      startsAt: slot.startsAt,
      endsAt,
      serviceType: slot.serviceType,
      location: command.location,
      notes: command.notes,
      cancellationInsurance: command.cancellationInsurance,
      hourlyRateCents: staff.hourlyRateCents,
      dailyRateCents: staff.dailyRateCents,
      ...priceBooking({
        hourlyRateCents: staff.hourlyRateCents,
        dailyRateCents: staff.dailyRateCents,
        durationHours: command.durationHours,
        cancellationInsurance: command.cancellationInsurance,
        insuranceFeePercent: this.pricing.insuranceFeePercent,
      }),
      currency: this.pricing.currency,
      cancellationPolicy: CURRENT_CANCELLATION_POLICY,
      requestedAt: now,
    };
  }

  /**
   * A session books for itself; an API key for its owner or the owner's organization's clients;
   * an admin's key for any client.
   */
  private async customerFor(email: string, actor: Actor): Promise<Customer | null> {
    if (actor.authenticatedBy === 'session' && email.toLowerCase() !== actor.email.toLowerCase()) {
      return null;
    }
    const customer = await this.customers.findActiveClient(email);
    if (!customer || actor.authenticatedBy === 'session' || isAdmin(actor)) return customer;
    const sameOrganization =
      actor.organizationId !== null && customer.organizationId === actor.organizationId;
    return customer.userId === actor.userId || sameOrganization ? customer : null;
  }
}

/**
 * The event's date, start and service against the staff member's calendar and offer, in their
 * zone; null (with the field errors added) when any is wrong.
 */
function checkSlot(
  command: CreateBookingCommand,
  staff: BookableStaff,
  now: Date,
  errors: FieldError[],
): { startsAt: Date; serviceType: string } | null {
  const today = localDateOf(now, staff.timezone);
  const dateIsValid =
    parseCalendarDate(command.eventDate) !== null &&
    command.eventDate >= today &&
    command.eventDate <= addDays(today, MAX_DAYS_AHEAD);
  if (!dateIsValid) errors.push({ field: 'event_date', message: 'Invalid event date' });
  const startsAt = wallClockToUtc(command.eventDate, command.startTime, staff.timezone);
  if (dateIsValid && (!startsAt || startsAt.getTime() <= now.getTime())) {
    errors.push({ field: 'start_time', message: 'Invalid start time' });
  }
  const serviceType = staff.serviceTypes.find(
    (type) => type.toLowerCase() === command.serviceType.trim().toLowerCase(),
  );
  if (!serviceType) errors.push({ field: 'service_type', message: 'Invalid service type' });
  return startsAt && serviceType ? { startsAt, serviceType } : null;
}

/** CONTRACT §4.3: a day the staff member blocked refuses the request outright. */
function ensureNotBlocked(staff: BookableStaff, startsAt: Date, endsAt: Date): void {
  const firstDay = localDateOf(startsAt, staff.timezone);
  const lastDay = localDateOf(new Date(endsAt.getTime() - 1), staff.timezone);
  if (staff.blockedDates.includes(firstDay) || staff.blockedDates.includes(lastDay)) {
    throw BookingError.notAvailable();
  }
}
