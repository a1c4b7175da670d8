/**
 * Runs work in one database transaction (ARCHITECTURE §2.10). Repositories called inside `run`
 * take part in the transaction; nested calls join the outer one.
 */
export abstract class TransactionRunner {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}
