import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CancellationPolicy } from '../../domain/cancellation-policy';

@Entity({ name: 'bookings' })
export class BookingOrmEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'booking_code', type: 'text' })
  bookingCode!: string;

  @Column({ name: 'companion_id', type: 'integer' })
  companionId!: number;

  @Column({ name: 'staff_user_id', type: 'integer' })
  staffUserId!: number;

  @Column({ name: 'client_user_id', type: 'integer' })
  clientUserId!: number;

  @Column({ name: 'created_by_user_id', type: 'integer' })
  createdByUserId!: number;

  @Column({ name: 'created_by_api_key_id', type: 'integer', nullable: true })
  createdByApiKeyId!: number | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'event_date', type: 'date' })
  eventDate!: string;

  @Column({ name: 'start_time', type: 'text' })
  startTime!: string;

  @Column({ name: 'duration_hours', type: 'smallint' })
  durationHours!: number;

  @Column({ type: 'text' })
  timezone!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'service_type', type: 'text' })
  serviceType!: string;

  @Column({ type: 'text' })
  location!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'cancellation_insurance', type: 'boolean' })
  cancellationInsurance!: boolean;

  @Column({ name: 'hourly_rate_cents', type: 'integer' })
  hourlyRateCents!: number;

  @Column({ name: 'daily_rate_cents', type: 'integer', nullable: true })
  dailyRateCents!: number | null;

  @Column({ name: 'subtotal_cents', type: 'integer' })
  subtotalCents!: number;

  @Column({ name: 'insurance_fee_cents', type: 'integer' })
  insuranceFeeCents!: number;

  @Column({ name: 'total_cents', type: 'integer' })
  totalCents!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'cancellation_policy', type: 'jsonb' })
  cancellationPolicy!: CancellationPolicy;

  @Column({ name: 'cancelled_by', type: 'text', nullable: true })
  cancelledBy!: string | null;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column({ name: 'refund_cents', type: 'integer', nullable: true })
  refundCents!: number | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'payment_status', type: 'text' })
  paymentStatus!: string;

  @Column({ type: 'boolean' })
  priority!: boolean;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
