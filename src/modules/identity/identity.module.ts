import { CountUsersQuery } from './application/count-users.query';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Configuration } from '../../config/configuration';
import { AuditModule } from '../../shared/audit/audit.module';
import { SharedDatabaseModule } from '../../shared/database/shared-database.module';
import { EventsModule } from '../../shared/events/events.module';
import { AccessEndings } from './application/access-endings';
import { LogOutUseCase } from './application/log-out.use-case';
import { JobsModule } from '../../shared/jobs/jobs.module';
import { ChangeOrganizationTierUseCase } from './application/change-organization-tier.use-case';
import { CreateAdminUseCase } from './application/create-admin.use-case';
import { CreateOrganizationUseCase } from './application/create-organization.use-case';
import { FindAccountByEmailQuery } from './application/find-account-by-email.query';
import { GetActiveAccountQuery } from './application/get-active-account.query';
import { LogInUseCase } from './application/log-in.use-case';
import { PruneLoginFailuresUseCase } from './application/prune-login-failures.use-case';
import { RegisterUserUseCase } from './application/register-user.use-case';
import { SearchUsersQuery } from './application/search-users.query';
import { UpdateUserUseCase } from './application/update-user.use-case';
import { LoginPolicy } from './domain/login-policy';
import { LoginFailureLog } from './domain/ports/login-failure-log';
import { OrganizationRepository } from './domain/ports/organization.repository';
import { PasswordHasher } from './domain/ports/password-hasher';
import { StaffProfileProvisioner } from './domain/ports/staff-profile-provisioner';
import { UserRepository } from './domain/ports/user.repository';
import { UserSessions } from './domain/ports/user-sessions';
import { SessionStrategy } from './infrastructure/auth/session.strategy';
import { DemoAccountsSeeder } from './infrastructure/demo/demo-accounts.seeder';
import { AdminOrganizationsController } from './infrastructure/http/admin-organizations.controller';
import { AdminUsersController } from './infrastructure/http/admin-users.controller';
import { AuthController } from './infrastructure/http/auth.controller';
import { PruneLoginFailuresWorker } from './infrastructure/jobs/prune-login-failures.worker';
import { OrganizationOrmEntity } from './infrastructure/persistence/organization.orm-entity';
import { OwnerAccountReader } from './infrastructure/persistence/owner-account.reader';
import { PostgresUserSessions } from './infrastructure/persistence/postgres-user-sessions';
import { TypeOrmLoginFailureLog } from './infrastructure/persistence/typeorm-login-failure-log';
import { TypeOrmOrganizationRepository } from './infrastructure/persistence/typeorm-organization.repository';
import { TypeOrmUserRepository } from './infrastructure/persistence/typeorm-user.repository';
import { UserOrmEntity } from './infrastructure/persistence/user.orm-entity';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher';

export interface IdentityModuleOptions {
  /**
   * Who creates a new staff user's profile, in the registration's transaction: the companions
   * module's adapter. It is instantiated here, so it may depend only on the shared kernel
   * (TransactionContext).
   */
  staffProfileProvisioner: Type<StaffProfileProvisioner>;
}

/**
 * Users, organizations, sessions and the operators' user endpoints (CONTRACT §2.1, §2.2, §8).
 * Identity alone reads and writes `users` and `organizations`; other modules import this module
 * and call what it exports (see index.ts).
 */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityModuleOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        TypeOrmModule.forFeature([UserOrmEntity, OrganizationOrmEntity]),
        SharedDatabaseModule,
        EventsModule,
        AuditModule,
        JobsModule,
      ],
      controllers: [AuthController, AdminUsersController, AdminOrganizationsController],
      providers: [
        CountUsersQuery,
        { provide: UserRepository, useClass: TypeOrmUserRepository },
        { provide: OrganizationRepository, useClass: TypeOrmOrganizationRepository },
        { provide: PasswordHasher, useClass: Argon2PasswordHasher },
        { provide: LoginFailureLog, useClass: TypeOrmLoginFailureLog },
        { provide: UserSessions, useClass: PostgresUserSessions },
        { provide: StaffProfileProvisioner, useClass: options.staffProfileProvisioner },
        {
          provide: LoginPolicy,
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>): LoginPolicy => {
            const auth = config.get('auth', { infer: true });
            return {
              maxFailures: auth.loginMaxFailures,
              maxFailuresPerEmail: auth.loginMaxFailuresPerEmail,
              failureWindowMs: auth.loginFailureWindowMs,
            };
          },
        },
        RegisterUserUseCase,
        LogInUseCase,
        LogOutUseCase,
        AccessEndings,
        PruneLoginFailuresUseCase,
        PruneLoginFailuresWorker,
        GetActiveAccountQuery,
        FindAccountByEmailQuery,
        OwnerAccountReader,
        SearchUsersQuery,
        UpdateUserUseCase,
        CreateOrganizationUseCase,
        ChangeOrganizationTierUseCase,
        CreateAdminUseCase,
        SessionStrategy,
        DemoAccountsSeeder,
      ],
      exports: [
        GetActiveAccountQuery,
        FindAccountByEmailQuery,
        RegisterUserUseCase,
        CreateAdminUseCase,
        OwnerAccountReader,
        CountUsersQuery,
      ],
    };
  }
}
