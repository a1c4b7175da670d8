/**
 * The identity module's front door: the only file other modules (and the composition root) may
 * import. Identity alone reads and writes `users` and `organizations`.
 */
export { IdentityModule, type IdentityModuleOptions } from './identity.module';

// Queries and use cases other modules call.
export { GetActiveAccountQuery } from './application/get-active-account.query';
export { FindAccountByEmailQuery } from './application/find-account-by-email.query';
export {
  RegisterUserUseCase,
  type RegisterUserCommand,
} from './application/register-user.use-case';
export { CreateAdminUseCase } from './application/create-admin.use-case';
export { CountUsersQuery } from './application/count-users.query';
export { type UserCounts } from './domain/ports/user.repository';
export {
  OwnerAccountReader,
  type OwnedRowSelect,
} from './infrastructure/persistence/owner-account.reader';

// The account as other modules see it, and how it becomes a request's actor.
export { type Account, mayUseApi } from './domain/user';
export { actorFor, type Credential } from './domain/account-actor';

// Ports other modules implement for identity.
export {
  StaffProfileProvisioner,
  type NewStaffMember,
} from './domain/ports/staff-profile-provisioner';
