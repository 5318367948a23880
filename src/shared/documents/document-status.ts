import { LedgerError } from '../ledger-error';
import { documentTypeRule, type DocumentType } from './document-types';

/**
 * The lifecycle of DOMAIN.md §5: 草稿 → 待审核 → 已审核 (待入库 / 待出库) → 已完成, with 作废 for an
 * approved document the warehouse has not touched. `awaiting_warehouse` is "approved, waiting for the
 * keeper"; a transfer the source has shipped waits `in_transit` for the destination. An approved order
 * stays open while receipts or deliveries are made from it (how far is its execution, derived from its
 * lines) until it is force-closed (强制结案): `closed`.
 */
export const documentStatuses = [
  'draft',
  'submitted',
  'awaiting_warehouse',
  'in_transit',
  'completed',
  'voided',
  'closed',
] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const documentStatusLabels: Readonly<Record<DocumentStatus, string>> = {
  draft: '草稿',
  submitted: '待审核',
  awaiting_warehouse: '已审核',
  in_transit: '在途',
  completed: '已完成',
  voided: '已作废',
  closed: '已结案',
};

export const documentActions = [
  'create',
  'edit',
  'submit',
  'approve',
  'unapprove',
  'void',
  'confirm',
  'reverse',
  'delete',
  'close',
] as const;
export type DocumentAction = (typeof documentActions)[number];

/** What a document's events record: its changes of state, and each time it was printed (no change of state). */
export const documentEventActions = [...documentActions, 'print'] as const;
export type DocumentEventAction = (typeof documentEventActions)[number];

const actionLabels: Readonly<Record<DocumentAction, string>> = {
  create: '新建',
  edit: '修改',
  submit: '提交',
  approve: '审核',
  unapprove: '反审核',
  void: '作废',
  confirm: '仓库确认',
  reverse: '红字冲销',
  delete: '删除',
  close: '强制结案',
};

export interface DocumentFacts {
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  readonly number: string;
  /** Some line has been confirmed by a keeper: stock has moved. */
  readonly anyLineConfirmed: boolean;
  readonly reversed: boolean;
  /** This document is itself a red-letter reversal. */
  readonly isReversal: boolean;
  /** An order that receipts or deliveries were made from: it can only be closed now. */
  readonly hasDownstream: boolean;
}

/** The actions a document's buttons offer (the page follows the state, §5). */
export function allowedActions(doc: DocumentFacts): DocumentAction[] {
  const rule = documentTypeRule(doc.type);
  const keeper = rule.keeperConfirms;
  // An open order: once receipts or deliveries are made from it, what is left of it can only be closed.
  if (rule.direction === 'order' && doc.status === 'awaiting_warehouse')
    return doc.hasDownstream ? ['close'] : ['close', 'unapprove', 'void'];
  switch (doc.status) {
    case 'draft':
      return ['edit', 'submit', 'delete'];
    case 'submitted':
      return ['approve', 'unapprove'];
    case 'awaiting_warehouse':
      if (doc.anyLineConfirmed) return keeper ? ['confirm'] : [];
      return keeper ? ['confirm', 'unapprove', 'void'] : ['unapprove', 'void'];
    case 'in_transit':
      return ['confirm'];
    case 'completed':
      return doc.reversed || doc.isReversal || rule.direction === 'none' ? [] : ['reverse'];
    case 'voided':
    case 'closed':
      return [];
  }
}

/** Refuses an action the state does not allow, saying what state the document is in. */
export function assertActionAllowed(doc: DocumentFacts, action: DocumentAction): void {
  if (allowedActions(doc).includes(action)) return;
  const state = doc.reversed ? '已被红字冲销' : documentStatusLabels[doc.status];
  const why =
    (action === 'unapprove' || action === 'void') && doc.hasDownstream
      ? '，已有入库/出库单据由它生成，只能强制结案'
      : action === 'unapprove' && doc.anyLineConfirmed
        ? '，仓库已确认部分明细'
        : action === 'void' && doc.anyLineConfirmed
          ? '，仓库已确认部分明细，请用红字冲销'
          : '';
  throw new LedgerError(
    'CONFLICT',
    `单据 ${doc.number} 当前为【${state}】${why}，不能${actionLabels[action]}。`,
    { status: doc.status, action },
  );
}
