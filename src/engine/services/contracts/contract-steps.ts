import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { prepared } from '../../db/prepared';
import { contracts } from '../../db/schema';
import {
  contractActionLabels,
  contractStatusLabels,
  contractTransitions,
  type ContractAction,
} from '../../../shared/contracts/contract-status';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import { getAppSettings } from '../settings/app-settings';
import { recordContractChange } from './contract-change';
import { recordContractEvent } from './contract-events';
import { assertRequiredContent, type ContractContent } from './contract-requirements';
import { contractLabel, findContractInReach, type ContractRow } from './save-contract';

type StepAction = keyof typeof contractTransitions;

/** What the contract holds, as its tier's requirements name the parts. */
function contentOf(sqlite: Database.Database, contract: ContractRow): ContractContent {
  const lines = prepared(
    sqlite,
    'SELECT count(*) AS n, count(month) AS monthly, count(agreed_price) AS priced FROM contract_lines WHERE contract_id = ?',
  ).get(contract.id) as { n: number; monthly: number; priced: number };
  const attachments = prepared(
    sqlite,
    'SELECT count(*) AS n FROM contract_attachments WHERE contract_id = ?',
  ).get(contract.id) as { n: number };
  return {
    signedVolume: lines.n > 0,
    monthlyVolume: lines.n > 0 && lines.monthly === lines.n,
    agreedPrice: lines.n > 0 && lines.priced === lines.n,
    rebateTerms: contract.rebateTerms.length > 0,
    terms: contract.terms.trim() !== '',
    office: contract.officeId !== null,
    salesperson: contract.salespersonId !== null,
    signedOn: contract.signedOn !== null,
    attachment: attachments.n > 0,
  };
}

/**
 * The office head checks the contract against the paper one (DOMAIN.md §8): with the branch's separation of
 * duties on (制单人与审核人不能为同一人, separate-approver.ts), whoever entered it does not pass it.
 */
function assertNotOwnContract(ctx: ServiceContext, contract: ContractRow): void {
  if (ctx.actor.userId === null || contract.createdBy !== ctx.actor.userId) return;
  if (!getAppSettings(ctx).forbidSelfApproval) return;
  throw new LedgerError('FORBIDDEN', `${contractLabel(contract)}由您录入，按本机构设置须由他人审核。`, {
    reason: 'own_document',
  });
}

/** One more contract of the same customer and kind may not overlap an agreement in force. */
function assertNoOverlap(sqlite: Database.Database, contract: ContractRow): void {
  const other = prepared(
    sqlite,
    "SELECT number FROM contracts WHERE counterparty_id = ? AND kind = ? AND id <> ? AND status IN ('approved', 'executing', 'ended') " +
      'AND period_start <= ? AND period_end >= ? LIMIT 1',
  ).get(contract.counterpartyId, contract.kind, contract.id, contract.periodEnd, contract.periodStart) as
    { number: string } | undefined;
  if (other) {
    throw new LedgerError(
      'CONFLICT',
      `该单位已有生效的合同 ${other.number} 与 ${contract.periodStart} 至 ${contract.periodEnd} 重叠；要改动已生效的合同请签补充协议。`,
    );
  }
}

/** A step of the contract's workflow, with who and when, in one transaction with the change log. */
export function stepContract(ctx: ServiceContext, id: number, action: StepAction, note = ''): ContractRow {
  const transition = contractTransitions[action]!;
  const sqlite = ctx.db.$client;
  return ctx.db.transaction((tx) => {
    const contract = findContractInReach(tx, ctx.actor, id);
    if (!transition.from.includes(contract.status)) {
      throw new LedgerError(
        'CONFLICT',
        `${contractLabel(contract)}${contractStatusLabels[contract.status]}，不能${contractActionLabels[action]}。`,
        { status: contract.status },
      );
    }
    if (action === 'submit') assertRequiredContent(ctx, contract.channelTier, contentOf(sqlite, contract));
    if (action === 'approve') {
      assertNotOwnContract(ctx, contract);
      assertNoOverlap(sqlite, contract);
    }
    if (action === 'void' && !note.trim()) throw new LedgerError('VALIDATION', '作废合同请写明原因。');
    if (action === 'unapprove') assertNothingSettled(sqlite, contract);
    tx.update(contracts)
      .set({ status: transition.to, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(contracts.id, id))
      .run();
    recordContractEvent(tx, ctx, { contractId: id, action, from: contract.status, to: transition.to, note });
    recordContractChange(tx, ctx, id, 'update');
    return findContractInReach(tx, ctx.actor, id);
  });
}

function assertNothingSettled(sqlite: Database.Database, contract: ContractRow): void {
  const settled = prepared(
    sqlite,
    'SELECT count(*) AS n FROM contract_settlements WHERE contract_id = ? AND reversed = 0',
  ).get(contract.id) as { n: number };
  if (settled.n > 0) {
    throw new LedgerError('CONFLICT', `${contractLabel(contract)}已有返利结算，请先反结算再反审核。`);
  }
}

export type { ContractAction };
