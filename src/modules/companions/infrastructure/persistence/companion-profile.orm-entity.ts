import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A row of `companion_profiles`; city and service types are ids into the lookup tables. */
@Entity({ name: 'companion_profiles' })
export class CompanionProfileOrmEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'user_active', type: 'boolean', insert: false, update: false })
  userActive!: boolean;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'first_name', type: 'text', nullable: true })
  firstName!: string | null;

  @Column({ name: 'profile_photo', type: 'text', nullable: true })
  profilePhoto!: string | null;

  @Column({ type: 'text', nullable: true })
  tagline!: string | null;

  @Column({ type: 'text', nullable: true })
  bio!: string | null;

  @Column({ name: 'hourly_rate_cents', type: 'integer', nullable: true })
  hourlyRateCents!: number | null;

  @Column({ name: 'daily_rate_cents', type: 'integer', nullable: true })
  dailyRateCents!: number | null;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ name: 'city_id', type: 'integer', nullable: true })
  cityId!: number | null;

  @Column({ type: 'text', nullable: true })
  timezone!: string | null;

  @Column({ name: 'service_type_ids', type: 'integer', array: true })
  serviceTypeIds!: number[];

  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ name: 'rating_avg', type: 'numeric', precision: 3, scale: 2 })
  ratingAvg!: string;

  @Column({ name: 'total_reviews', type: 'integer' })
  totalReviews!: number;

  @Column({ type: 'text' })
  tier!: string;

  @Column({ type: 'boolean' })
  verified!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
