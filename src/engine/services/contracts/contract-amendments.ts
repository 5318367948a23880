import { and, eq, max } from 'drizzle-orm';
import { contractAmendments, contracts } from '../../db/schema';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import { recordContractChange } from './contract-change';
import { recordContractEvent } from './contract-events';
import { readContractLines } from './contract-targets';
import { getAppSettings } from '../settings/app-settings';
import {
  checkLines,
  checkRebateTerms,
  contractLabel,
  findContractInReach,
  writeLines,
  type ContractBody,
} from './save-contract';
import { isIsoDate } from '../../domain/calendar/calendar';

/**
 * 补充协议 (issue 14: "changes after approval as a numbered amendment, never an edit in place"): what the
 * contract is to say from now on — period end, signed volumes, rebate terms and terms — proposed with a
 * reason, and put in force by someone who may approve contracts. Approval keeps what it replaced.
 */

export function proposeAmendment(
  ctx: ServiceContext,
  contractId: number,
  reason: string,
  body: ContractBody,
): { id: number; amendmentNo: number } {
  const sqlite = ctx.db.$client;
  if (!reason.trim()) throw new LedgerError('VALIDATION', '补充协议请写明变更原因。');
  return ctx.db.transaction((tx) => {
    const contract = findContractInReach(tx, ctx.actor, contractId);
    if (contract.status !== 'approved' && contract.status !== 'executing') {
      throw new LedgerError(
        'CONFLICT',
        `${contractLabel(contract)}未生效，草稿直接修改即可，不需要补充协议。`,
      );
    }
    if (!isIsoDate(body.periodEnd) || body.periodEnd < contract.periodStart) {
      throw new LedgerError('VALIDATION', `补充协议的合同结束日期“${body.periodEnd}”无效。`);
    }
    checkLines(sqlite, body, contract.periodStart);
    const rebateTerms = checkRebateTerms(sqlite, body);
    const pending = tx
      .select({ no: contractAmendments.amendmentNo })
      .from(contractAmendments)
      .where(and(eq(contractAmendments.contractId, contractId), eq(contractAmendments.status, 'draft')))
      .get();
    if (pending) throw new LedgerError('CONFLICT', `第 ${pending.no} 号补充协议尚未审核，请先审核或作废它。`);
    const last = tx
      .select({ no: max(contractAmendments.amendmentNo) })
      .from(contractAmendments)
      .where(eq(contractAmendments.contractId, contractId))
      .get();
    const amendmentNo = (last?.no ?? 0) + 1;
    const created = tx
      .insert(contractAmendments)
      .values({
        contractId,
        amendmentNo,
        reason,
        status: 'draft',
        body: { ...body, rebateTerms },
        createdByName: ctx.actor.displayName,
        createdAt: ctx.clock.now().toISOString(),
      })
      .returning({ id: contractAmendments.id })
      .get();
    recordContractEvent(tx, ctx, {
      contractId,
      action: 'amend',
      from: contract.status,
      to: contract.status,
      note: `拟第 ${amendmentNo} 号补充协议：${reason}`,
    });
    return { id: created.id, amendmentNo };
  });
}

export function decideAmendment(
  ctx: ServiceContext,
  amendmentId: number,
  decision: 'approve' | 'void',
): void {
  ctx.db.transaction((tx) => {
    const amendment = tx
      .select()
      .from(contractAmendments)
      .where(eq(contractAmendments.id, amendmentId))
      .get();
    if (!amendment) throw new LedgerError('NOT_FOUND', `补充协议（编号 ${amendmentId}）不存在。`);
    if (amendment.status !== 'draft')
      throw new LedgerError('CONFLICT', `第 ${amendment.amendmentNo} 号补充协议已处理。`);
    const contract = findContractInReach(tx, ctx.actor, amendment.contractId);
    const now = ctx.clock.now().toISOString();
    if (decision === 'void') {
      tx.update(contractAmendments)
        .set({ status: 'voided' })
        .where(eq(contractAmendments.id, amendmentId))
        .run();
      recordContractEvent(tx, ctx, {
        contractId: contract.id,
        action: 'amend',
        from: contract.status,
        to: contract.status,
        note: `第 ${amendment.amendmentNo} 号补充协议作废`,
      });
      return;
    }
    if (
      getAppSettings(ctx).forbidSelfApproval &&
      ctx.actor.userId !== null &&
      amendment.createdByName === ctx.actor.displayName
    ) {
      throw new LedgerError(
        'FORBIDDEN',
        `第 ${amendment.amendmentNo} 号补充协议由您录入，按本机构设置须由他人审核。`,
      );
    }
    const body = amendment.body as ContractBody;
    const lastSettled = ctx.db.$client
      .prepare(
        'SELECT max(through_date) AS through FROM contract_settlements WHERE contract_id = ? AND reversed = 0',
      )
      .get(contract.id) as { through: string | null };
    if (lastSettled.through && body.periodEnd < lastSettled.through) {
      throw new LedgerError(
        'CONFLICT',
        `返利已结算到 ${lastSettled.through}，补充协议不能把合同结束日提前到它之前。`,
      );
    }
    const replaced = {
      periodEnd: contract.periodEnd,
      terms: contract.terms,
      rebateTerms: contract.rebateTerms,
      lines: readContractLines(ctx.db.$client, contract.id).map(
        ({ goodsId, categoryId, unitName, month, quantity, agreedPrice }) => ({
          goodsId,
          categoryId,
          unitName,
          month,
          quantity,
          agreedPrice,
        }),
      ),
    };
    tx.update(contracts)
      .set({
        periodEnd: body.periodEnd,
        terms: body.terms,
        rebateTerms: checkRebateTerms(ctx.db.$client, body),
        amendmentNo: amendment.amendmentNo,
        updatedAt: now,
      })
      .where(eq(contracts.id, contract.id))
      .run();
    writeLines(tx, contract.id, body.lines);
    tx.update(contractAmendments)
      .set({ status: 'approved', replaced, approvedByName: ctx.actor.displayName, approvedAt: now })
      .where(eq(contractAmendments.id, amendmentId))
      .run();
    recordContractEvent(tx, ctx, {
      contractId: contract.id,
      action: 'amend',
      from: contract.status,
      to: contract.status,
      note: `第 ${amendment.amendmentNo} 号补充协议生效：${amendment.reason}`,
    });
    recordContractChange(tx, ctx, contract.id, 'update');
  });
}
