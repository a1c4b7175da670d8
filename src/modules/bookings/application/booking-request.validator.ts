import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Configuration, MoneySettings } from '../../../config/configuration';
import { Actor, isAdmin } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { DomainError, FieldError } from '../../../shared/domain/domain-error';
import { BookingError } from '../domain/booking.errors';
import { BookableStaff, CompanionCatalog } from '../domain/ports/companion-catalog';
import { Customer, CustomerDirectory } from '../domain/ports/customer-directory';
import { Price, priceBooking } from '../domain/price';
import {
  addDays,
  localDateOf,
  parseCalendarDate,
  wallClockToUtc,
} from '../../../shared/domain/zoned-time';
import { CreateBookingCommand } from './create-booking.command';

const MAX_DAYS_AHEAD = 365;

export interface ValidatedBookingRequest {
  staff: BookableStaff;
  customer: Customer;
  serviceType: string;
  startsAt: Date;
  endsAt: Date;
  price: Price;
  currency: string;
  now: Date;
}

/** CONTRACT §4.1 beyond the shape of the body: every field checked, one error per field. */
@Injectable()
export class BookingRequestValidator {
  constructor(
    private readonly catalog: CompanionCatalog,
    private readonly customers: CustomerDirectory,
    private readonly clock: Clock,
    private readonly config: ConfigService<Configuration, true>,
  ) {}

  async validate(command: CreateBookingCommand, actor: Actor): Promise<ValidatedBookingRequest> {
    if (actor.authenticatedBy === 'session' && actor.role !== 'client') {
      throw DomainError.forbidden('Only clients can request bookings');
    }
    const now = this.clock.now();
    const errors: FieldError[] = [];
    // A booking of at most 24 h spans its start's local day and at most the two after (DST).
    const window = parseCalendarDate(command.eventDate)
      ? { from: command.eventDate, to: addDays(command.eventDate, 2) }
      : null;
    const [staff, customer] = await Promise.all([
      this.catalog.findBookable(command.companionId, window),
      this.customerFor(command.customerEmail, actor),
    ]);
    if (!customer) errors.push({ field: 'customer_email', message: 'Unknown customer' });
    if (!staff) errors.push({ field: 'companion_id', message: 'Invalid companion' });
    let startsAt: Date | null = null;
    let serviceType = command.serviceType;
    if (staff) {
      const today = localDateOf(now, staff.timezone);
      const dateIsValid =
        parseCalendarDate(command.eventDate) !== null &&
        command.eventDate >= today &&
        command.eventDate <= addDays(today, MAX_DAYS_AHEAD);
      if (!dateIsValid) errors.push({ field: 'event_date', message: 'Invalid event date' });
      startsAt = wallClockToUtc(command.eventDate, command.startTime, staff.timezone);
      if (dateIsValid && (!startsAt || startsAt.getTime() <= now.getTime())) {
        errors.push({ field: 'start_time', message: 'Invalid start time' });
      }
      const offered = staff.serviceTypes.find(
        (type) => type.toLowerCase() === command.serviceType.trim().toLowerCase(),
      );
      if (offered) serviceType = offered;
      else errors.push({ field: 'service_type', message: 'Invalid service type' });
    }
    if (errors.length > 0 || !staff || !customer || !startsAt) {
      throw DomainError.invalidFields(errors);
    }
    const money = this.config.get<MoneySettings>('money');
    const price = priceBooking({
      hourlyRateCents: staff.hourlyRateCents,
      dailyRateCents: staff.dailyRateCents,
      durationHours: command.durationHours,
      cancellationInsurance: command.cancellationInsurance,
      insuranceFeePercent: money.insuranceFeePercent,
    });
    const endsAt = new Date(startsAt.getTime() + command.durationHours * 3_600_000);
    return { staff, customer, serviceType, startsAt, endsAt, price, currency: money.currency, now };
  }

  /**
   * CONTRACT §4.3: a blocked day refuses the request outright (held intervals are checked by the
   * insert itself, BookingRepository.insertIfAvailable).
   */
  ensureNotBlocked(request: ValidatedBookingRequest): void {
    const { staff, startsAt, endsAt } = request;
    const firstDay = localDateOf(startsAt, staff.timezone);
    const lastDay = localDateOf(new Date(endsAt.getTime() - 1), staff.timezone);
    if (staff.blockedDates.includes(firstDay) || staff.blockedDates.includes(lastDay)) {
      throw BookingError.notAvailable();
    }
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
