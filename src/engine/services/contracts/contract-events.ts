import { desc, eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { contractEvents } from '../../db/schema';
import type { ContractAction, ContractStatus } from '../../../shared/contracts/contract-status';
import type { ServiceContext } from '../context';
import type { LastChange } from '../records/edit-version';

/** Records a step of a contract: who, when, from and to which status (issue 14: "each step with who and when"). */
export function recordContractEvent(
  tx: LedgerTx,
  ctx: ServiceContext,
  event: {
    contractId: number;
    action: ContractAction;
    from: ContractStatus | null;
    to: ContractStatus;
    note?: string;
  },
): void {
  tx.insert(contractEvents)
    .values({
      contractId: event.contractId,
      action: event.action,
      fromStatus: event.from,
      toStatus: event.to,
      actorName: ctx.actor.displayName,
      at: ctx.clock.now().toISOString(),
      note: event.note ?? '',
    })
    .run();
}

export function lastContractChange(tx: LedgerTx, contractId: number): LastChange | null {
  return (
    tx
      .select({ by: contractEvents.actorName, at: contractEvents.at })
      .from(contractEvents)
      .where(eq(contractEvents.contractId, contractId))
      .orderBy(desc(contractEvents.id))
      .limit(1)
      .get() ?? null
  );
}
