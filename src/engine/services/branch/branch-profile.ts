import { branchProfile } from '../../db/schema';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import {
  fieldsFixedAfterFirstPosting,
  fixedFieldsTouched,
  type BranchProfile,
} from '../../domain/branch/profile';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import { recordChange } from '../change-log/record-change';
import type { ServiceContext } from '../context';

export interface BranchProfileView extends BranchProfile {
  uid: string;
  firstPostedAt: string | null;
  /** The fields that can no longer change, because the branch has posted (DOMAIN.md §2). */
  fixedFields: (keyof BranchProfile)[];
}

export function findBranchRow(db: LedgerDb | LedgerTx) {
  return db.select().from(branchProfile).get() ?? null;
}

function toProfile(row: typeof branchProfile.$inferSelect): BranchProfile {
  return {
    code: row.code,
    name: row.name,
    taxId: row.taxId,
    address: row.address,
    phone: row.phone,
    accountingMode: row.accountingMode,
    costingScope: row.costingScope,
    defaultCostingMethod: row.defaultCostingMethod,
    allowCostingMethodOverride: row.allowCostingMethodOverride,
    negativeStock: row.negativeStock,
    taxpayerType: row.taxpayerType,
    quantityDecimals: row.quantityDecimals,
    priceDecimals: row.priceDecimals,
    approvalRequired: row.approvalRequired,
  };
}

export function getBranchProfile(ctx: ServiceContext): BranchProfileView {
  return readBranchProfile(ctx.db);
}

function readBranchProfile(db: LedgerDb | LedgerTx): BranchProfileView {
  const row = findBranchRow(db);
  if (!row) throw new LedgerError('NOT_FOUND', '本机构尚未设置，请先完成首次设置。');
  return {
    ...toProfile(row),
    uid: row.uid,
    firstPostedAt: row.firstPostedAt,
    fixedFields: row.firstPostedAt === null ? ['code'] : ['code', ...fieldsFixedAfterFirstPosting],
  };
}

const fieldLabels: Record<keyof BranchProfile, string> = {
  code: '机构编码',
  name: '机构名称',
  taxId: '税号',
  address: '地址',
  phone: '电话',
  accountingMode: '核算方式',
  costingScope: '成本核算范围',
  defaultCostingMethod: '默认计价方法',
  allowCostingMethodOverride: '允许商品单独指定计价方法',
  negativeStock: '负库存',
  taxpayerType: '纳税人类型',
  quantityDecimals: '数量小数位',
  priceDecimals: '单价小数位',
  approvalRequired: '单据需要审核',
};

/**
 * Edits the profile. The code is the branch's identity at head office and never changes; the
 * fields DOMAIN.md fixes at the first posting are refused once it has happened, naming them.
 */
export function updateBranchProfile(
  ctx: ServiceContext,
  change: Partial<Omit<BranchProfile, 'code'>>,
): BranchProfileView {
  return ctx.db.transaction((tx) => {
    const row = findBranchRow(tx);
    if (!row) throw new LedgerError('NOT_FOUND', '本机构尚未设置，请先完成首次设置。');
    const before = toProfile(row);
    const fixed = fixedFieldsTouched(before, change, row.firstPostedAt);
    if (fixed.length > 0) {
      throw new LedgerError(
        'FIELD_FIXED',
        `本机构已有过账单据，${fixed.map((field) => `【${fieldLabels[field]}】`).join('、')}不能再修改。`,
        { fields: fixed },
      );
    }
    const changed = (Object.keys(change) as (keyof typeof change)[]).filter(
      (field) => change[field] !== undefined && change[field] !== before[field],
    );
    if (changed.length === 0) return readBranchProfile(tx);

    const now = ctx.clock.now().toISOString();
    tx.update(branchProfile)
      .set({ ...change, updatedAt: now })
      .run();
    const after = { ...before, ...change };
    recordAudit(tx, ctx, {
      action: 'branch.update',
      entity: 'branch_profile',
      entityKey: row.code,
      before: Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, after[field]])),
      detail: changed.map((field) => fieldLabels[field]).join('、'),
    });
    // Head office prints the branch's name and address on what it receives (DOMAIN.md §2).
    recordChange(tx, ctx, {
      entity: 'branch_profile',
      entityUid: row.uid,
      operation: 'update',
      payload: after,
    });
    return readBranchProfile(tx);
  });
}
