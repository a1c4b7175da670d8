import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'companion_portfolio_items' })
export class PortfolioItemOrmEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'companion_id', type: 'integer' })
  companionId!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text', nullable: true })
  caption!: string | null;

  @Column({ type: 'text', default: 'pending' })
  status!: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;
}
