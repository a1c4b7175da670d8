/** Failed logins per e-mail, shared by every instance (CONTRACT §2.2 brute-force limit). */
export abstract class LoginFailureLog {
  abstract countSince(email: string, since: Date): Promise<number>;
  abstract record(email: string, at: Date): Promise<void>;
  abstract clear(email: string): Promise<void>;
}
