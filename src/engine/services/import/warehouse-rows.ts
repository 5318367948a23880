import { eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { warehouseKeepers, warehouses } from '../../db/schema';
import { warehouseSpec } from '../../domain/master-data/organization-spec';
import { writeWarehouse, type WarehouseInput } from '../master-data/warehouses';
import type { EntityImporter, PlannedRow } from './entity-importer';
import type { ImportOptions } from './import-options';
import type { ImportRow } from './import-row';
import {
  checkCode,
  checkLength,
  decideAction,
  existingByCode,
  existingFor,
  refuseDuplicateCodes,
  sameRecord,
  type ExistingRecord,
} from './record-rows';
import { usersByName } from './users-by-name';
import { markDuplicates } from './validate-rows';

/** Lengths the warehouse form allows (api/schemas/warehouse.ts). */
const maxTextLength: Record<string, number> = { name: 30, address: 120, remark: 200 };
const maxCodeLength = 20;

function currentWarehouseInput(tx: LedgerTx, id: number): WarehouseInput {
  const row = tx.select().from(warehouses).where(eq(warehouses.id, id)).get()!;
  const keeperIds = tx
    .select({ userId: warehouseKeepers.userId })
    .from(warehouseKeepers)
    .where(eq(warehouseKeepers.warehouseId, id))
    .all()
    .map((keeper) => keeper.userId)
    .sort((a, b) => a - b);
  return {
    code: row.code,
    name: row.name,
    address: row.address,
    remark: row.remark,
    active: row.active,
    keeperIds,
  };
}

/** 仓管员 as the file lists them, "zhangsan，李四": each a user who can sign in. */
function keeperIdsOf(row: ImportRow, findUser: ReturnType<typeof usersByName>): number[] {
  const ids: number[] = [];
  for (const name of row
    .text('keepers')!
    .split(/[,，、;；\s]+/)
    .filter(Boolean)) {
    const user = findUser(name);
    if (user === null) row.error('keepers', `用户【${name}】不存在`);
    else if (user === 'ambiguous') row.error('keepers', `有多个显示名为【${name}】的用户，请写登录用户名`);
    else if (!user.active) row.error('keepers', `用户【${name}】已停用，不能做仓管员`);
    else ids.push(user.id);
  }
  return [...new Set(ids)].sort((a, b) => a - b);
}

function planWarehouseRow(
  tx: LedgerTx,
  row: ImportRow,
  lookups: {
    byCode: Map<string, ExistingRecord>;
    codeByName: Map<string, string>;
    findUser: ReturnType<typeof usersByName>;
  },
  options: ImportOptions,
): PlannedRow<WarehouseInput> {
  const code = row.text('code');
  const existing = existingFor(row, lookups.byCode, '仓库');
  const existingId = existing?.id ?? null;
  checkCode(row, 'code', maxCodeLength);
  for (const [key, max] of Object.entries(maxTextLength)) checkLength(row, key, max);
  const current: WarehouseInput =
    existingId !== null
      ? currentWarehouseInput(tx, existingId)
      : { code: code ?? '', name: '', address: '', remark: '', active: true, keeperIds: [] };
  const next: WarehouseInput = { ...current };
  if (row.has('name')) next.name = row.text('name')!;
  if (row.has('address')) next.address = row.text('address')!;
  if (row.has('remark')) next.remark = row.text('remark')!;
  if (row.has('active')) next.active = row.flag('active')!;
  if (row.has('keepers')) next.keeperIds = keeperIdsOf(row, lookups.findUser);
  const nameHolder = lookups.codeByName.get(next.name);
  if (nameHolder !== undefined && nameHolder !== code) {
    row.error('name', `仓库名称【${next.name}】已被仓库 ${nameHolder} 使用`);
  }
  return decideAction(row, existing, options, next, () => sameRecord(next, current));
}

/** 仓库: code, name, address and keepers. */
export const warehouseImporter: EntityImporter<WarehouseInput> = {
  spec: warehouseSpec,
  plan(tx, _ctx, rows, options) {
    refuseDuplicateCodes(rows);
    markDuplicates(
      rows,
      (row) => {
        const name = row.text('name');
        return name === null ? [] : [{ value: name, fieldKey: 'name' }];
      },
      (name) => `仓库名称【${name}】`,
    );
    const lookups = {
      byCode: existingByCode(tx, warehouses, warehouses),
      codeByName: new Map(
        tx
          .select({ code: warehouses.code, name: warehouses.name })
          .from(warehouses)
          .all()
          .map((warehouse) => [warehouse.name, warehouse.code]),
      ),
      findUser: usersByName(tx),
    };
    return rows.map((row) => planWarehouseRow(tx, row, lookups, options));
  },
  refusedField: (_planned, field) => (field === 'keeperIds' ? 'keepers' : null),
  write(tx, ctx, planned, _options, source) {
    writeWarehouse(tx, ctx, planned.write!, planned.existingId, {
      auditDetail: `导入【${source.fileName}】第 ${planned.row.rowNumber} 行`,
      openedVersion: planned.openedVersion,
    });
  },
};
