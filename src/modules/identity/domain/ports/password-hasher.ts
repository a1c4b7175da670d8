export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  /**
   * False for a wrong password. With no hash (unknown account) it still spends the time of a real
   * verification, so that response times do not reveal which e-mails exist.
   */
  abstract verify(hash: string | null, password: string): Promise<boolean>;
}
