import { LedgerError } from '../../../shared/ledger-error';

/**
 * While a restore replaces the books, every other call in this engine waits its turn outside: it would read
 * the ledger half-way through, or block the process on the write lock the restore holds.
 */
export class MaintenanceGate {
  private current: string | null = null;

  /** Refuses a call while maintenance runs; the caller may simply repeat it (BUSY). */
  assertOpen(): void {
    if (this.current !== null) throw new LedgerError('BUSY', `${this.current}，请稍后重试。`);
  }

  async run<T>(what: string, work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    this.current = what;
    try {
      return await work();
    } finally {
      this.current = null;
    }
  }
}
