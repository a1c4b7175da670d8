/**
 * Who is connected (CONTRACT §6.3 `online`): in this process alone, or in Redis with an expiry,
 * so that the users of an instance that crashed go offline on their own.
 */
export abstract class PresenceTracker {
  /** Counts a socket of the user; true when the user was offline everywhere before. */
  abstract connected(userId: number): Promise<boolean>;

  /** Counts a socket closed; true when the user is now offline everywhere. */
  abstract disconnected(userId: number): Promise<boolean>;

  abstract onlineAmong(userIds: readonly number[]): Promise<Set<number>>;
}
