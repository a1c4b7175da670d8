import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Configuration } from '../../../../config/configuration';
import { Role } from '../../../../shared/domain/actor';
import { TransactionRunner } from '../../../../shared/domain/transaction-runner';
import { RegisterUserUseCase } from '../../application/register-user.use-case';
import { OrganizationRepository } from '../../domain/ports/organization.repository';
import { UserRepository } from '../../domain/ports/user.repository';
import { SubscriptionTier } from '../../domain/subscription-tier';

/** Demo-only credentials, listed in the README; seeded only when DEMO_DATA is on. */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  role: Role;
  tier?: SubscriptionTier;
  inDemoOrganization?: boolean;
}> = [
  {
    email: 'admin@demo.eventstuffer.test',
    password: 'demo-admin-password',
    firstName: 'Ada',
    lastName: 'Admin',
    role: 'admin',
  },
  {
    email: 'enterprise@demo.eventstuffer.test',
    password: 'demo-client-password',
    firstName: 'Erik',
    lastName: 'Enterprise',
    role: 'client',
    inDemoOrganization: true,
  },
  {
    email: 'client@demo.eventstuffer.test',
    password: 'demo-client-password',
    firstName: 'Clara',
    lastName: 'Client',
    role: 'client',
  },
  {
    email: 'dj@demo.eventstuffer.test',
    password: 'demo-staff-password',
    firstName: 'Dario',
    lastName: 'Disc',
    role: 'staff',
  },
  {
    email: 'hostess@demo.eventstuffer.test',
    password: 'demo-staff-password',
    firstName: 'Hanna',
    lastName: 'Host',
    role: 'staff',
  },
];

const DEMO_ORGANIZATION = 'Demo Events GmbH';

/** Seeds the demo accounts once (idempotent: existing e-mails are left alone). */
@Injectable()
export class DemoAccountsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoAccountsSeeder.name);

  constructor(
    private readonly config: ConfigService<Configuration, true>,
    private readonly registerUser: RegisterUserUseCase,
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('app', { infer: true }).demoData) return;
    if (await this.users.findByEmail(DEMO_ACCOUNTS[0].email)) return;
    await this.transactions.run(async () => {
      const organization = await this.organizations.create(DEMO_ORGANIZATION, 'enterprise');
      for (const demo of DEMO_ACCOUNTS) {
        const account = await this.registerUser.execute(demo);
        if (demo.inDemoOrganization) {
          await this.users.update(account.id, { organizationId: organization.id });
        }
      }
    });
    this.logger.log(`Seeded ${DEMO_ACCOUNTS.length} demo accounts (see README: demo credentials)`);
  }
}
