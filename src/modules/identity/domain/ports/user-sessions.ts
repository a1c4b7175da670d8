/** The server-side web sessions of users (CONTRACT §2.2). */
export abstract class UserSessions {
  /** Signs the user out everywhere: every session of theirs ends now. */
  abstract endAll(userId: number): Promise<void>;
}
