import { eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { counterparties, counterpartyContacts } from '../../db/schema';
import type { ChannelTier, CounterpartyKind } from '../../domain/master-data/channel';
import { counterpartySpec } from '../../domain/master-data/counterparty-spec';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import {
  findCounterpartyIdByCode,
  writeCounterparty,
  type CounterpartyInput,
} from '../master-data/counterparties';
import { ensureEmployee, findEmployeeIdByName } from '../master-data/employees';
import { ensureOffice, findOfficeIdByName } from '../master-data/offices';
import type { EntityImporter, PlannedRow } from './entity-importer';
import type { ImportOptions } from './import-options';
import type { ImportRow } from './import-row';
import {
  checkCode,
  checkLength,
  decideAction,
  existingByCode,
  existingFor,
  parentsFirst,
  refuseDuplicateCodes,
  sameRecord,
  type ExistingRecord,
} from './record-rows';

/**
 * A counterparty row ready to write. The parent, office and salesperson are named in the file by
 * code and name; their ids are found when the row is written, because an earlier row of the same
 * commit may be what creates them (a dealer above its distributors, a new 办事处).
 */
export interface CounterpartyWrite {
  input: CounterpartyInput;
  parentCode: string | null;
  officeName: string | null;
  salespersonName: string | null;
}

/** Lengths the counterparty form allows (api/schemas/counterparty.ts). */
const maxTextLength: Record<string, number> = {
  name: 60,
  region: 30,
  address: 120,
  invoiceTitle: 60,
  bankName: 60,
  bankAccount: 40,
  remark: 200,
  contactName: 20,
  contactPhone: 40,
};
const maxCodeLength = 30;
const maxPaymentTermDays = 3650;
/** 统一社会信用代码 has 18 characters; older 税号 15 or 20. */
const taxIdPattern = /^(?:[0-9A-Z]{15}|[0-9A-Z]{18}|[0-9A-Z]{20})$/;

function newCounterpartyInput(code: string): CounterpartyInput {
  return {
    code,
    name: '',
    kind: 'customer',
    channelTier: null,
    parentId: null,
    officeId: null,
    salespersonId: null,
    region: '',
    address: '',
    creditLimit: null,
    paymentTermDays: null,
    invoiceTitle: '',
    taxId: '',
    bankName: '',
    bankAccount: '',
    isInternal: false,
    internalBranchCode: null,
    openingReceivable: 0,
    openingPayable: 0,
    remark: '',
    active: true,
    contacts: [],
  };
}

/** A counterparty as it is now, in the shape writeCounterparty takes: what an update starts from. */
function currentCounterpartyInput(tx: LedgerTx, id: number): CounterpartyInput {
  const row = tx.select().from(counterparties).where(eq(counterparties.id, id)).get()!;
  const contacts = tx
    .select({
      name: counterpartyContacts.name,
      phone: counterpartyContacts.phone,
      role: counterpartyContacts.role,
    })
    .from(counterpartyContacts)
    .where(eq(counterpartyContacts.counterpartyId, id))
    .orderBy(counterpartyContacts.sortOrder, counterpartyContacts.id)
    .all();
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    channelTier: row.channelTier,
    parentId: row.parentId,
    officeId: row.officeId,
    salespersonId: row.salespersonId,
    region: row.region,
    address: row.address,
    creditLimit: row.creditLimit,
    paymentTermDays: row.paymentTermDays,
    invoiceTitle: row.invoiceTitle,
    taxId: row.taxId,
    bankName: row.bankName,
    bankAccount: row.bankAccount,
    isInternal: row.isInternal,
    internalBranchCode: row.internalBranchCode,
    openingReceivable: row.openingReceivable,
    openingPayable: row.openingPayable,
    remark: row.remark,
    active: row.active,
    contacts,
  };
}

interface CounterpartyLookups {
  byCode: Map<string, ExistingRecord & { kind: CounterpartyKind }>;
  /** The office a name resolves to now (null: none yet), or why it cannot be told. */
  officeByName: Map<string, number | null | LedgerError>;
  salespersonByName: Map<string, number | null | LedgerError>;
}

function loadLookups(tx: LedgerTx): CounterpartyLookups {
  const kinds = new Map(
    tx
      .select({ code: counterparties.code, kind: counterparties.kind })
      .from(counterparties)
      .all()
      .map((row) => [row.code, row.kind]),
  );
  const byCode = new Map(
    [...existingByCode(tx, counterparties, counterparties)].map(([code, record]) => [
      code,
      { ...record, kind: kinds.get(code)! },
    ]),
  );
  return { byCode, officeByName: new Map(), salespersonByName: new Map() };
}

/** The service's own lookup by name, remembered per name; its refusal (two of that name) becomes the cell's error. */
function resolvedByName(
  cache: Map<string, number | null | LedgerError>,
  name: string,
  find: () => number | null,
): number | null | LedgerError {
  if (!cache.has(name)) {
    try {
      cache.set(name, find());
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      cache.set(name, error);
    }
  }
  return cache.get(name)!;
}

function checkCells(row: ImportRow): void {
  checkCode(row, 'code', maxCodeLength);
  for (const [key, max] of Object.entries(maxTextLength)) checkLength(row, key, max);
  for (const key of ['creditLimit', 'openingReceivable', 'openingPayable']) {
    const amount = row.number(key);
    if (amount !== null && amount < 0) row.error(key, `${row.field(key).label}不能为负数`);
  }
  const days = row.number('paymentTermDays');
  if (days !== null && (days < 0 || days > maxPaymentTermDays)) {
    row.error('paymentTermDays', `账期应在 0 到 ${maxPaymentTermDays} 天之间`);
  }
  const taxId = row.text('taxId')?.toUpperCase() ?? null;
  if (taxId !== null && !taxIdPattern.test(taxId)) row.error('taxId', '税号应为 15、18 或 20 位字母数字');
}

/** The file's values laid over the counterparty as it is (or a new one); blank cells change nothing. */
function applyRow(row: ImportRow, current: CounterpartyInput): CounterpartyInput {
  const next: CounterpartyInput = {
    ...current,
    contacts: current.contacts.map((contact) => ({ ...contact })),
  };
  for (const key of [
    'name',
    'region',
    'address',
    'invoiceTitle',
    'bankName',
    'bankAccount',
    'remark',
  ] as const) {
    if (row.has(key)) next[key] = row.text(key)!;
  }
  if (row.has('taxId')) next.taxId = row.text('taxId')!.toUpperCase();
  if (row.has('kind')) next.kind = row.text('kind') as CounterpartyKind;
  if (row.has('channelTier')) next.channelTier = row.text('channelTier') as ChannelTier;
  if (row.has('creditLimit')) next.creditLimit = row.number('creditLimit');
  if (row.has('paymentTermDays')) next.paymentTermDays = row.number('paymentTermDays');
  if (row.has('openingReceivable')) next.openingReceivable = row.number('openingReceivable')!;
  if (row.has('openingPayable')) next.openingPayable = row.number('openingPayable')!;
  if (row.has('isInternal')) next.isInternal = row.flag('isInternal')!;
  if (row.has('active')) next.active = row.flag('active')!;
  // The file's 联系人 / 联系电话 are the first contact; further contacts stay as they are.
  if (row.has('contactName') || row.has('contactPhone')) {
    const first = next.contacts[0] ?? { name: '', phone: '', role: '' };
    next.contacts[0] = {
      ...first,
      name: row.text('contactName') ?? first.name,
      phone: row.text('contactPhone') ?? first.phone,
    };
    if (!next.contacts[0].name) row.error('contactPhone', '填写了联系电话，但未填写联系人');
  }
  return next;
}

function checkChannel(row: ImportRow, next: CounterpartyInput): void {
  if (next.kind === 'supplier' && next.channelTier !== null) {
    row.error('channelTier', '供应商不能设置渠道类型，渠道类型只用于客户');
  }
  if (next.isInternal && !next.internalBranchCode) {
    row.error('isInternal', '内部单位须有机构编码，导入文件中没有此列：请在往来单位表单中设为内部单位');
  }
}

/**
 * 上级客户: a live customer in the database, or a row of this file above or below (written first);
 * not the row itself, not a supplier, and not a loop through the file's rows.
 */
function checkParent(
  row: ImportRow,
  next: CounterpartyInput,
  rowsByCode: ReadonlyMap<string, ImportRow>,
  lookups: CounterpartyLookups,
): number | null {
  const parentCode = row.text('parentCode');
  if (parentCode === null) return next.parentId;
  if (next.kind === 'supplier') row.error('parentCode', '供应商不能设置上级客户');
  if (parentCode === row.text('code')) {
    row.error('parentCode', '上级客户不能是它自己');
    return null;
  }
  const inFile = rowsByCode.get(parentCode);
  if (inFile) {
    if (inFile.text('kind') === 'supplier')
      row.error('parentCode', `上级客户 ${parentCode}（第 ${inFile.rowNumber} 行）是供应商`);
    const chain = [row.text('code') ?? ''];
    let ancestor: ImportRow | undefined = inFile;
    while (ancestor) {
      const ancestorCode = ancestor.text('code') ?? '';
      const looped = chain.includes(ancestorCode);
      chain.push(ancestorCode);
      if (looped) {
        row.error('parentCode', `上级客户形成循环：${chain.join(' → ')}`);
        break;
      }
      const next = ancestor.text('parentCode');
      ancestor = next === null ? undefined : rowsByCode.get(next);
    }
    const existing = lookups.byCode.get(parentCode);
    return existing && !existing.inRecycleBin ? existing.id : null;
  }
  const existing = lookups.byCode.get(parentCode);
  if (!existing) {
    row.error('parentCode', `上级客户 ${parentCode} 不存在，也不在本文件中`);
    return null;
  }
  if (existing.inRecycleBin) row.error('parentCode', `上级客户 ${parentCode} 在回收站中，请先恢复它`);
  else if (existing.kind === 'supplier')
    row.error('parentCode', `上级客户 ${parentCode} 是供应商，上级客户必须是客户`);
  return existing.id;
}

/** 办事处 and 业务员 by name: found, or to be created when the clerk allows it, or refused. */
function checkOfficeAndSalesperson(
  tx: LedgerTx,
  row: ImportRow,
  next: CounterpartyInput,
  lookups: CounterpartyLookups,
  options: ImportOptions,
): void {
  const officeName = row.text('office');
  if (officeName !== null) {
    const office = resolvedByName(lookups.officeByName, officeName, () => findOfficeIdByName(tx, officeName));
    if (office instanceof LedgerError) row.error('office', office.message);
    else if (office !== null) next.officeId = office;
    else if (options.createMissing) row.warn('office', `办事处【${officeName}】不存在，将新建`);
    else row.error('office', `办事处【${officeName}】不存在（可选择自动新建缺少的办事处和业务员）`);
  }
  const salespersonName = row.text('salesperson');
  if (salespersonName !== null) {
    const key = `${salespersonName}\u0001${next.officeId ?? ''}`;
    const salesperson = resolvedByName(lookups.salespersonByName, key, () =>
      findEmployeeIdByName(tx, salespersonName, next.officeId),
    );
    if (salesperson instanceof LedgerError) row.error('salesperson', salesperson.message);
    else if (salesperson !== null) next.salespersonId = salesperson;
    else if (options.createMissing) row.warn('salesperson', `业务员【${salespersonName}】不在职员中，将新建`);
    else
      row.error(
        'salesperson',
        `业务员【${salespersonName}】不在职员中（可选择自动新建缺少的办事处和业务员）`,
      );
  }
}

function planCounterpartyRow(
  tx: LedgerTx,
  row: ImportRow,
  rowsByCode: ReadonlyMap<string, ImportRow>,
  lookups: CounterpartyLookups,
  options: ImportOptions,
): PlannedRow<CounterpartyWrite> {
  const code = row.text('code');
  const existing = existingFor(row, lookups.byCode, '往来单位');
  const existingId = existing?.id ?? null;
  checkCells(row);
  const current =
    existingId !== null ? currentCounterpartyInput(tx, existingId) : newCounterpartyInput(code ?? '');
  const next = applyRow(row, current);
  checkChannel(row, next);
  next.parentId = checkParent(row, next, rowsByCode, lookups);
  checkOfficeAndSalesperson(tx, row, next, lookups, options);
  const write: CounterpartyWrite = {
    input: next,
    parentCode: row.text('parentCode'),
    officeName: row.text('office'),
    salespersonName: row.text('salesperson'),
  };
  // Unchanged only when every reference already resolves to what the record has.
  return decideAction(row, existing, options, write, () => sameRecord(next, current));
}

function writeCounterpartyRow(
  tx: LedgerTx,
  ctx: ServiceContext,
  planned: PlannedRow<CounterpartyWrite>,
  options: ImportOptions,
  source: { fileName: string },
): void {
  const { input, parentCode, officeName, salespersonName } = planned.write!;
  const officeId =
    officeName === null
      ? input.officeId
      : options.createMissing
        ? ensureOffice(tx, ctx, officeName)
        : findOfficeIdByName(tx, officeName);
  const salespersonId =
    salespersonName === null
      ? input.salespersonId
      : options.createMissing
        ? ensureEmployee(tx, ctx, salespersonName, officeId)
        : findEmployeeIdByName(tx, salespersonName, officeId);
  const parentId = parentCode === null ? input.parentId : findCounterpartyIdByCode(tx, parentCode);
  if (parentCode !== null && parentId === null) {
    throw new LedgerError('NOT_FOUND', `上级客户 ${parentCode} 未能导入，本行不能挂在它下面。`);
  }
  writeCounterparty(tx, ctx, { ...input, officeId, salespersonId, parentId }, planned.existingId, {
    auditDetail: `导入【${source.fileName}】第 ${planned.row.rowNumber} 行`,
    openedVersion: planned.openedVersion,
  });
}

const codeOf = (planned: PlannedRow<CounterpartyWrite>) => planned.row.text('code');
const parentCodeOf = (planned: PlannedRow<CounterpartyWrite>) => planned.row.text('parentCode');

/** 往来单位: customer lists with their channel tree, offices and salespeople. */
export const counterpartyImporter: EntityImporter<CounterpartyWrite> = {
  spec: counterpartySpec,
  plan(tx, _ctx, rows, options) {
    refuseDuplicateCodes(rows);
    const lookups = loadLookups(tx);
    const rowsByCode = new Map<string, ImportRow>();
    for (const row of rows) {
      const code = row.text('code');
      if (code !== null && !rowsByCode.has(code)) rowsByCode.set(code, row);
    }
    const planned = rows.map((row) => planCounterpartyRow(tx, row, rowsByCode, lookups, options));
    // A child hangs under a row of this file: if that row cannot be imported, neither can the child.
    const failed = new Set(planned.filter((entry) => entry.action === 'error').map((entry) => entry.row));
    for (const entry of parentsFirst(planned, codeOf, parentCodeOf)) {
      const parentCode = parentCodeOf(entry);
      const parentRow = parentCode === null ? undefined : rowsByCode.get(parentCode);
      if (!parentRow || !failed.has(parentRow) || failed.has(entry.row)) continue;
      entry.row.error('parentCode', `上级客户 ${parentCode}（第 ${parentRow.rowNumber} 行）有错误，不能导入`);
      Object.assign(entry, { action: 'error', write: null, note: undefined });
      failed.add(entry.row);
    }
    return planned;
  },
  write: writeCounterpartyRow,
  commitOrder: (planned) => parentsFirst(planned, codeOf, parentCodeOf),
};
