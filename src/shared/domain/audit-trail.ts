/** The administrator behind an action, and the request that carried it (CONTRACT §1.4, §8). */
export interface Operator {
  userId: number;
  requestId: string | null;
}

/** What an operator changed: the action, its target, and the target before and after. */
export interface AuditEntry {
  operator: Operator;
  /** `<target>.<verb>`, e.g. `user.update`, `booking.resolve_dispute`. */
  action: string;
  targetType: string;
  targetId: string | number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The operators' append-only audit log (CONTRACT §8). `record` writes in the caller's
 * transaction, so the entry commits exactly when the action does: call it inside
 * `TransactionRunner.run` together with the change it describes.
 */
export abstract class AuditTrail {
  abstract record(entry: AuditEntry): Promise<void>;
}
