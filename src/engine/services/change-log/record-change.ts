import { changeLog } from '../../db/schema';
import type { LedgerTx } from '../../db/connection';
import type { ServiceContext } from '../context';

/**
 * Records, in the caller's transaction, a change head office will receive (UPLOAD.md "Change log").
 * Writing it with the change itself is what lets the upload lose nothing.
 */
export function recordChange(
  tx: LedgerTx,
  ctx: ServiceContext,
  change: { entity: string; entityUid: string; operation: 'insert' | 'update' | 'delete'; payload: unknown },
): void {
  tx.insert(changeLog)
    .values({ at: ctx.clock.now().toISOString(), ...change })
    .run();
}
