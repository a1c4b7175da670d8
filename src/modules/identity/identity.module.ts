import { DynamicModule, Module, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Configuration } from '../../config/configuration';
import { CreateAdmin } from './application/create-admin.use-case';
import { GetAccount } from './application/get-account.query';
import { LogIn } from './application/log-in.use-case';
import { LoginPolicy } from './application/login-policy';
import { ManageOrganizations } from './application/manage-organizations.use-case';
import { RegisterUser } from './application/register-user.use-case';
import { SearchUsers } from './application/search-users.query';
import { UpdateUser } from './application/update-user.use-case';
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
import { OrganizationOrmEntity } from './infrastructure/persistence/organization.orm-entity';
import { PostgresUserSessions } from './infrastructure/persistence/postgres-user-sessions';
import { TypeOrmLoginFailureLog } from './infrastructure/persistence/typeorm-login-failure-log';
import { TypeOrmOrganizationRepository } from './infrastructure/persistence/typeorm-organization.repository';
import { TypeOrmUserRepository } from './infrastructure/persistence/typeorm-user.repository';
import { UserOrmEntity } from './infrastructure/persistence/user.orm-entity';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher';

export interface IdentityModuleOptions {
  /** Who creates a new staff user's profile; the composition root picks the companions adapter. */
  staffProfileProvisioner: Type<StaffProfileProvisioner>;
}

/** Users, organizations, sessions and the operators' user endpoints (CONTRACT §2.1, §2.2, §8). */
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityModuleOptions): DynamicModule {
    return {
      module: IdentityModule,
      // Global: other modules (API keys, bookings) resolve accounts through GetAccount.
      global: true,
      imports: [TypeOrmModule.forFeature([UserOrmEntity, OrganizationOrmEntity])],
      controllers: [AuthController, AdminUsersController, AdminOrganizationsController],
      providers: [
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
        RegisterUser,
        LogIn,
        GetAccount,
        SearchUsers,
        UpdateUser,
        ManageOrganizations,
        CreateAdmin,
        SessionStrategy,
        DemoAccountsSeeder,
      ],
      exports: [GetAccount, RegisterUser, CreateAdmin],
    };
  }
}
