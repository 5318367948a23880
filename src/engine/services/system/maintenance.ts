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

  /** Work that spans several transactions (an import's batches), by a number of its own: no restore starts while it runs. */
  private readonly ongoing = new Map<number, string>();
  private started = 0;

  async alongside<T>(what: string, work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    const id = (this.started += 1);
    this.ongoing.set(id, what);
    try {
      return await work();
    } finally {
      this.ongoing.delete(id);
    }
  }

  async run<T>(what: string, work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    const [first] = this.ongoing.values();
    // A restore between two batches of an import would leave the import writing into the backup's books.
    if (first !== undefined) throw new LedgerError('BUSY', `${first}，请等它完成后再恢复。`);
    this.current = what;
    try {
      return await work();
    } finally {
      this.current = null;
    }
  }
}
