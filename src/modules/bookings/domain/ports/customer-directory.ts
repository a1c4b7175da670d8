export interface Customer {
  userId: number;
  email: string;
  organizationId: number | null;
}

/** Finds the client a booking is made for (CONTRACT §4.1 `customer_email`). */
export abstract class CustomerDirectory {
  /** An active user with role client and this e-mail (case-insensitive), else null. */
  abstract findActiveClient(email: string): Promise<Customer | null>;
}
