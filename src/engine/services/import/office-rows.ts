import { eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { offices } from '../../db/schema';
import { officeSpec } from '../../domain/master-data/organization-spec';
import { LedgerError } from '../../../shared/ledger-error';
import type { OfficeKind } from '../../domain/master-data/office-kinds';
import { findOfficeIdByCode, writeOffice, type OfficeInput } from '../master-data/offices';
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

/** An office row ready to write; its parent is found by code when written (it may be a row above or below). */
export interface OfficeWrite {
  input: OfficeInput;
  parentCode: string | null;
}

/** Lengths the office form allows (api/schemas/office.ts). */
const maxTextLength: Record<string, number> = { name: 30, remark: 200 };
const maxCodeLength = 20;

function currentOfficeInput(tx: LedgerTx, id: number): OfficeInput {
  const row = tx.select().from(offices).where(eq(offices.id, id)).get()!;
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parentId,
    remark: row.remark,
    active: row.active,
  };
}

/** The parent office: live in the database or a row of this file, not the row itself, no loop. */
function parentIdOf(
  row: ImportRow,
  current: OfficeInput,
  rowsByCode: ReadonlyMap<string, ImportRow>,
  byCode: ReadonlyMap<string, ExistingRecord>,
): number | null {
  const parentCode = row.text('parentCode');
  if (parentCode === null) return current.parentId;
  if (parentCode === row.text('code')) {
    row.error('parentCode', '上级不能是它自己');
    return null;
  }
  const existing = byCode.get(parentCode);
  const inFile = rowsByCode.get(parentCode);
  if (inFile) {
    const chain = [row.text('code') ?? ''];
    let ancestor: ImportRow | undefined = inFile;
    while (ancestor) {
      const ancestorCode = ancestor.text('code') ?? '';
      const looped = chain.includes(ancestorCode);
      chain.push(ancestorCode);
      if (looped) {
        row.error('parentCode', `上级形成循环：${chain.join(' → ')}`);
        break;
      }
      const next = ancestor.text('parentCode');
      ancestor = next === null ? undefined : rowsByCode.get(next);
    }
    return existing && !existing.inRecycleBin ? existing.id : null;
  }
  if (!existing) row.error('parentCode', `上级 ${parentCode} 不存在，也不在本文件中`);
  else if (existing.inRecycleBin) row.error('parentCode', `上级 ${parentCode} 在回收站中，请先恢复它`);
  return existing && !existing.inRecycleBin ? existing.id : null;
}

function planOfficeRow(
  tx: LedgerTx,
  row: ImportRow,
  rowsByCode: ReadonlyMap<string, ImportRow>,
  byCode: ReadonlyMap<string, ExistingRecord>,
  options: ImportOptions,
): PlannedRow<OfficeWrite> {
  const code = row.text('code');
  const existing = existingFor(row, byCode, '办事处/部门');
  const existingId = existing?.id ?? null;
  checkCode(row, 'code', maxCodeLength);
  for (const [key, max] of Object.entries(maxTextLength)) checkLength(row, key, max);
  const current: OfficeInput =
    existingId !== null
      ? currentOfficeInput(tx, existingId)
      : { code: code ?? '', name: '', kind: 'office', parentId: null, remark: '', active: true };
  const next: OfficeInput = { ...current };
  if (row.has('name')) next.name = row.text('name')!;
  if (row.has('kind')) next.kind = row.text('kind') as OfficeKind;
  if (row.has('remark')) next.remark = row.text('remark')!;
  if (row.has('active')) next.active = row.flag('active')!;
  next.parentId = parentIdOf(row, current, rowsByCode, byCode);
  const write = { input: next, parentCode: row.text('parentCode') };
  return decideAction(row, existing, options, write, () => sameRecord(next, current));
}

const codeOf = (planned: PlannedRow<OfficeWrite>) => planned.row.text('code');
const parentCodeOf = (planned: PlannedRow<OfficeWrite>) => planned.row.text('parentCode');

/** 办事处 / 部门, a tree by 上级编码. */
export const officeImporter: EntityImporter<OfficeWrite> = {
  spec: officeSpec,
  plan(tx, _ctx, rows, options) {
    refuseDuplicateCodes(rows);
    const byCode = existingByCode(tx, offices, offices);
    const rowsByCode = new Map<string, ImportRow>();
    for (const row of rows) {
      const code = row.text('code');
      if (code !== null && !rowsByCode.has(code)) rowsByCode.set(code, row);
    }
    return rows.map((row) => planOfficeRow(tx, row, rowsByCode, byCode, options));
  },
  write(tx, ctx, planned, _options, source) {
    const { input, parentCode } = planned.write!;
    const parentId = parentCode === null ? input.parentId : findOfficeIdByCode(tx, parentCode);
    if (parentCode !== null && parentId === null) {
      throw new LedgerError('NOT_FOUND', `上级 ${parentCode} 未能导入，本行不能挂在它下面。`);
    }
    writeOffice(tx, ctx, { ...input, parentId }, planned.existingId, {
      auditDetail: `导入【${source.fileName}】第 ${planned.row.rowNumber} 行`,
      openedVersion: planned.openedVersion,
    });
  },
  commitOrder: (planned) => parentsFirst(planned, codeOf, parentCodeOf),
};
