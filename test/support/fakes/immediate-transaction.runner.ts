import { TransactionRunner } from '../../../src/shared/domain/transaction-runner';

/**
 * Runs the work at once and counts the transactions. It cannot roll the fakes back: a test of a
 * failure asserts that the use case refused before writing, as the real ones do.
 */
export class ImmediateTransactionRunner extends TransactionRunner {
  transactions = 0;

  run<T>(work: () => Promise<T>): Promise<T> {
    this.transactions += 1;
    return work();
  }
}
