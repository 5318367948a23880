import type Database from 'better-sqlite3';
import { desc, eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { prepared } from '../../db/prepared';
import { contractSettlementLines, contractSettlements, contracts, documents } from '../../db/schema';
import { newUid } from '../../db/uid';
import { isIsoDate } from '../../domain/calendar/calendar';
import {
  contractStatusLabels,
  payoutKindLabels,
  settlementKindLabels,
  type ContractKind,
  type PayoutKind,
  type SettlementKind,
} from '../../../shared/contracts/contract-status';
import type { DocumentType } from '../../../shared/documents/document-types';
import { formatScaled } from '../../../shared/numbers/decimal';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { completeDocument } from '../documents/complete-document';
import { recordDocumentEvent } from '../documents/document-events';
import { nextDocumentNumber } from '../documents/numbering';
import { reverseDocument } from '../documents/reverse-document';
import { deleteDraft, submitDocument, unapproveDocument, voidDocument } from '../documents/document-actions';
import { documentFacts, findDocument } from '../documents/document-facts';
import { saveDocument } from '../documents/save-document';
import { distinctTargets, readContractLines } from './contract-targets';
import { targetFor } from './contract-shipments';
import { assertOpenPeriod } from '../stock/open-period';
import { recordContractChange } from './contract-change';
import { recordContractEvent } from './contract-events';
import { paidSoFar } from './contract-execution';
import { contractRebates } from './contract-rebates';
import { contractLabel, findContractInReach, type ContractRow } from './save-contract';

/**
 * 返利结算 (issue 14 "Settlement"): interim and final settlements of a contract's rebate. Each computes what
 * the contract has earned through its date — cumulatively, from the first day of the period — and pays only
 * what earlier settlements in force have not: settling the same period twice pays nothing the second time,
 * and a delivery dated back before an earlier settlement is paid by the next one. 折让 is paid as a 返利单,
 * a money document that lowers the customer's receivable (or our payable to a supplier), completed in the
 * same transaction; 反结算 reverses the latest settlement and its document, with the reason.
 */

const rebateDocument: Readonly<Record<ContractKind, DocumentType>> = {
  sales: 'customer_rebate',
  purchase: 'supplier_rebate',
};

export interface SettlementRequest {
  kind: SettlementKind;
  /** The last shipment date the settlement covers; a final one covers the whole period. */
  throughDate: string;
  /** The 返利单's business date (the day the credit is given), in an open month. */
  businessDate: string;
  payout: PayoutKind;
  /** 货补: the goods given, in which unit, from which warehouse; null for 折让. */
  goods: { goodsId: number; unitName: string; warehouseId: number } | null;
}

const yuan = (fen: number) => formatScaled(fen, 2, 2);

function latestInForce(tx: LedgerTx, contractId: number) {
  return tx
    .select()
    .from(contractSettlements)
    .where(eq(contractSettlements.contractId, contractId))
    .orderBy(desc(contractSettlements.id))
    .all()
    .find((settlement) => !settlement.reversed);
}

function assertRequest(
  contract: ContractRow,
  request: SettlementRequest,
  last: { throughDate: string } | undefined,
) {
  if (contract.status !== 'approved' && contract.status !== 'executing') {
    throw new LedgerError(
      'CONFLICT',
      `${contractLabel(contract)}${contractStatusLabels[contract.status]}，不能结算返利。`,
    );
  }
  for (const [label, value] of [
    ['结算截止日期', request.throughDate],
    ['返利单日期', request.businessDate],
  ] as const) {
    if (!isIsoDate(value)) throw new LedgerError('VALIDATION', `${label}“${value}”不是有效日期。`);
  }
  if (request.throughDate < contract.periodStart || request.throughDate > contract.periodEnd) {
    throw new LedgerError(
      'VALIDATION',
      `结算截止日期 ${request.throughDate} 不在合同期 ${contract.periodStart} 至 ${contract.periodEnd} 内。`,
    );
  }
  if (request.kind === 'final' && request.throughDate !== contract.periodEnd) {
    throw new LedgerError('VALIDATION', `年终结算应截止到合同结束日 ${contract.periodEnd}。`);
  }
  if (last && request.throughDate < last.throughDate) {
    throw new LedgerError(
      'VALIDATION',
      `上次结算已截止到 ${last.throughDate}，本次截止日期 ${request.throughDate} 不能更早。`,
    );
  }
  if (request.payout === 'goods' && (request.goods === null || contract.kind !== 'sales')) {
    throw new LedgerError(
      'VALIDATION',
      contract.kind === 'sales' ? '货补结算请选择商品、单位和出货仓库。' : '采购合同的返利只能以折让结算。',
    );
  }
}

/** The 返利单 that pays the amount: made, approved and completed at once (it posts the open item). */
function postRebateDocument(
  tx: LedgerTx,
  ctx: ServiceContext,
  contract: ContractRow,
  request: SettlementRequest,
  amount: number,
): number {
  const sqlite = ctx.db.$client;
  const type = rebateDocument[contract.kind];
  assertOpenPeriod(sqlite, request.businessDate, '返利单');
  const now = ctx.clock.now().toISOString();
  const created = tx
    .insert(documents)
    .values({
      uid: newUid(),
      type,
      number: nextDocumentNumber(sqlite, type, request.businessDate),
      businessDate: request.businessDate,
      status: 'submitted',
      counterpartyId: contract.counterpartyId,
      officeId: contract.officeId,
      handlerId: contract.salespersonId,
      remark: `${contract.number} ${settlementKindLabels[request.kind]}返利（截至 ${request.throughDate}）`,
      totalAmount: amount,
      totalTax: 0,
      totalWithTax: amount,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
      approvedAt: now,
      approvedByName: ctx.actor.displayName,
    })
    .returning({ id: documents.id })
    .get();
  recordDocumentEvent(tx, ctx, { documentId: created.id, action: 'create', from: null, to: 'submitted' });
  completeDocument(tx, ctx, findDocument(tx, created.id), 'approve', `合同 ${contract.number} 返利结算`);
  return created.id;
}

/**
 * 货补: the rebate paid as goods — a delivery of gifts (赠品, zero price: they earn no rebate and carry their cost
 * into COGS, DOMAIN.md §5) of as many whole units as the amount buys at the contract's agreed price; what is
 * left under one unit stays unpaid for the next settlement. The delivery goes to the keeper as any other.
 */
function deliverGoods(
  ctx: ServiceContext,
  contract: ContractRow,
  request: SettlementRequest,
  amount: number,
  scale: number,
): { documentId: number; paid: number } {
  const goods = request.goods!;
  const sqlite = ctx.db.$client;
  const targets = distinctTargets(readContractLines(sqlite, contract.id));
  const category = prepared(
    sqlite,
    'SELECT c.path FROM goods g LEFT JOIN goods_categories c ON c.id = g.category_id WHERE g.id = ?',
  ).get(goods.goodsId) as { path: string | null } | undefined;
  const target = category ? targetFor(targets, goods.goodsId, category.path) : undefined;
  if (!target || target.agreedPrice === null || target.unitName !== goods.unitName) {
    throw new LedgerError(
      'VALIDATION',
      `货补的商品要有合同约定的协议价（按“${goods.unitName}”），才能把返利折成数量。`,
    );
  }
  // Whole units only: amount (fen) × 10^4 is micro-yuan, ÷ the price per unit.
  const units = (BigInt(amount) * 10_000n) / BigInt(target.agreedPrice);
  if (units <= 0n) {
    throw new LedgerError(
      'CONFLICT',
      `本次返利 ${yuan(amount)} 元不足一${goods.unitName}（协议价 ${formatScaled(target.agreedPrice, 6, 2)} 元），请改用折让或待下次结算。`,
    );
  }
  const quantity = Number(units) * scale;
  const paid = mulDivRound(quantity, target.agreedPrice, scale * 10_000);
  const { id } = saveDocument(
    ctx,
    {
      type: 'sales_delivery',
      businessDate: request.businessDate,
      counterpartyId: contract.counterpartyId,
      officeId: contract.officeId,
      handlerId: contract.salespersonId,
      warehouseId: goods.warehouseId,
      toWarehouseId: null,
      remark: `${contract.number} ${settlementKindLabels[request.kind]}返利货补（截至 ${request.throughDate}，折 ${yuan(paid)} 元）`,
      sourceDocumentId: null,
      amount: null,
      lines: [
        {
          goodsId: goods.goodsId,
          unitName: goods.unitName,
          quantity: String(units),
          unitPrice: 0,
          priceIncludesTax: false,
          discountRate: null,
          taxRate: null,
          amount: null,
          adjustmentAmount: null,
          warehouseId: goods.warehouseId,
          toWarehouseId: null,
          lot: '',
          productionDate: null,
          expiryDate: null,
          isGift: true,
          remark: '返利货补',
          sourceLineId: null,
        },
      ],
    },
    null,
  );
  submitDocument(ctx, id);
  return { documentId: id, paid };
}

/** Shipment lines not yet traced to a settlement in force: those this one pays for. */
function untracedLines(sqlite: Database.Database, contractId: number): Set<number> {
  const rows = prepared(
    sqlite,
    'SELECT l.document_line_id AS id FROM contract_settlement_lines l JOIN contract_settlements s ON s.id = l.settlement_id ' +
      'WHERE s.contract_id = ? AND s.reversed = 0',
  ).all(contractId) as { id: number }[];
  return new Set(rows.map((row) => row.id));
}

export function settleRebate(
  ctx: ServiceContext,
  contractId: number,
  request: SettlementRequest,
): { id: number; amount: number; earned: number; paidBefore: number; documentId: number | null } {
  const sqlite = ctx.db.$client;
  const scale = 10 ** getBranchProfile(ctx).quantityDecimals;
  return ctx.db.transaction((tx) => {
    const contract = findContractInReach(tx, ctx.actor, contractId);
    const last = latestInForce(tx, contractId);
    assertRequest(contract, request, last);
    if (request.payout === 'credit' && getBranchProfile(ctx).accountingMode !== 'independent') {
      throw new LedgerError('CONFLICT', '非独立核算的机构不记往来，折让返利由总部支付。');
    }
    const outcome = contractRebates(sqlite, contract, request.throughDate, request.businessDate, scale);
    const paidBefore = paidSoFar(sqlite, contractId);
    const amount = outcome.earned - paidBefore;
    if (amount === 0 && request.kind === 'interim') {
      throw new LedgerError(
        'CONFLICT',
        `截至 ${request.throughDate}，${contractLabel(contract)}应得返利 ${yuan(outcome.earned)} 元，已结算 ${yuan(paidBefore)} 元，本次没有可结算的金额。`,
        { earned: outcome.earned, paidBefore },
      );
    }
    if (amount < 0 && request.kind === 'interim') {
      throw new LedgerError(
        'CONFLICT',
        `已结算返利 ${yuan(paidBefore)} 元多于截至 ${request.throughDate} 应得的 ${yuan(outcome.earned)} 元（其后有退货），差额在年终结算时扣回。`,
        { earned: outcome.earned, paidBefore },
      );
    }
    const payout =
      amount === 0
        ? { documentId: null, paid: 0 }
        : request.payout === 'goods'
          ? deliverGoods(ctx, contract, request, amount, scale)
          : { documentId: postRebateDocument(tx, ctx, contract, request, amount), paid: amount };
    const documentId = payout.documentId;
    const settlement = tx
      .insert(contractSettlements)
      .values({
        uid: newUid(),
        contractId,
        kind: request.kind,
        throughDate: request.throughDate,
        earned: outcome.earned,
        paidBefore,
        amount: payout.paid,
        payout: request.payout,
        documentId,
        createdByName: ctx.actor.displayName,
        createdAt: ctx.clock.now().toISOString(),
      })
      .returning({ id: contractSettlements.id })
      .get();
    const traced = untracedLines(sqlite, contractId);
    for (const shipment of outcome.shipments) {
      if (traced.has(shipment.documentLineId)) continue;
      tx.insert(contractSettlementLines)
        .values({
          settlementId: settlement.id,
          documentLineId: shipment.documentLineId,
          quantity: shipment.baseQuantity,
          amount: shipment.amount,
          rebate: outcome.accruals.get(shipment.documentLineId) ?? 0,
        })
        .run();
    }
    const to = request.kind === 'final' ? 'ended' : 'executing';
    tx.update(contracts)
      .set({ status: to, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(contracts.id, contractId))
      .run();
    recordContractEvent(tx, ctx, {
      contractId,
      action: 'settle',
      from: contract.status,
      to,
      note: `${settlementKindLabels[request.kind]}截至 ${request.throughDate}：应得 ${yuan(outcome.earned)} 元，已付 ${yuan(paidBefore)} 元，本次${payoutKindLabels[request.payout]} ${yuan(payout.paid)} 元`,
    });
    recordContractChange(tx, ctx, contractId, 'update');
    recordAudit(tx, ctx, {
      action: 'contracts.settle',
      entity: 'contract',
      entityKey: contract.number,
      after: {
        kind: request.kind,
        payout: request.payout,
        throughDate: request.throughDate,
        earned: outcome.earned,
        paidBefore,
        amount: payout.paid,
      },
    });
    return { id: settlement.id, amount: payout.paid, earned: outcome.earned, paidBefore, documentId };
  });
}

/**
 * 反结算: the latest settlement in force of its contract is reversed with a reason; its 返利单 is reversed by
 * a red-letter document dated `businessDate` (refused while the credit is matched in 核销: 反核销 first). The
 * settlement is marked first, so the guard against reversing a settlement's document by hand lets this through.
 */
export function reverseSettlement(
  ctx: ServiceContext,
  settlementId: number,
  reason: string,
  businessDate: string,
): void {
  if (!reason.trim()) throw new LedgerError('VALIDATION', '反结算请写明原因。');
  ctx.db.transaction((tx) => {
    const settlement = tx
      .select()
      .from(contractSettlements)
      .where(eq(contractSettlements.id, settlementId))
      .get();
    if (!settlement) throw new LedgerError('NOT_FOUND', `返利结算（编号 ${settlementId}）不存在。`);
    const contract = findContractInReach(tx, ctx.actor, settlement.contractId);
    if (settlement.reversed) throw new LedgerError('CONFLICT', '这次返利结算已经反结算过了。');
    const latest = latestInForce(tx, settlement.contractId);
    if (latest?.id !== settlementId) {
      throw new LedgerError(
        'CONFLICT',
        `${contractLabel(contract)}之后还有返利结算，请从最近的一次开始反结算。`,
      );
    }
    tx.update(contractSettlements)
      .set({
        reversed: true,
        reversedByName: ctx.actor.displayName,
        reversedAt: ctx.clock.now().toISOString(),
        reverseReason: reason,
      })
      .where(eq(contractSettlements.id, settlementId))
      .run();
    if (settlement.documentId !== null)
      undoPayout(ctx, settlement.documentId, businessDate, `反结算：${reason}`);
    const to = contract.status === 'ended' ? 'executing' : contract.status;
    tx.update(contracts)
      .set({ status: to, updatedAt: ctx.clock.now().toISOString() })
      .where(eq(contracts.id, contract.id))
      .run();
    recordContractEvent(tx, ctx, {
      contractId: contract.id,
      action: 'unsettle',
      from: contract.status,
      to,
      note: `${settlementKindLabels[settlement.kind]}截至 ${settlement.throughDate}（${yuan(settlement.amount)} 元）：${reason}`,
    });
    recordContractChange(tx, ctx, contract.id, 'update');
    recordAudit(tx, ctx, {
      action: 'contracts.unsettle',
      entity: 'contract',
      entityKey: contract.number,
      before: { settlement: settlement.uid, amount: settlement.amount },
      detail: reason,
    });
  });
}

/**
 * What 反结算 does to the document that paid: a completed one (the 返利单, or the 货补 delivered) is reversed by
 * red letter; a 货补 delivery the keeper has not touched is voided (approved) or withdrawn and deleted (still
 * submitted); one partly shipped waits for the keeper.
 */
function undoPayout(ctx: ServiceContext, documentId: number, businessDate: string, reason: string): void {
  const doc = findDocument(ctx.db, documentId);
  switch (doc.status) {
    case 'completed':
      reverseDocument(ctx, documentId, businessDate, reason);
      return;
    case 'submitted':
    case 'draft':
      if (doc.status === 'submitted') unapproveDocument(ctx, documentId);
      deleteDraft(ctx, documentId);
      return;
    case 'awaiting_warehouse':
      if (documentFacts(ctx.db, doc).anyLineConfirmed) {
        throw new LedgerError('CONFLICT', `货补单 ${doc.number} 已部分出库，请待出库完成后再反结算。`);
      }
      voidDocument(ctx, documentId, reason);
      return;
    default:
      return;
  }
}
