export interface NewStaffMember {
  userId: number;
  firstName: string;
}

/**
 * Gives a newly registered staff user their (draft) staff profile, inside the registration's
 * transaction (CONTRACT §3.5). The companions module implements it.
 */
export abstract class StaffProfileProvisioner {
  abstract provisionFor(staff: NewStaffMember): Promise<void>;
}
