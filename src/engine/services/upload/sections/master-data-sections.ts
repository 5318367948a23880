import type { IdentitySection } from '../upload-section';

/**
 * Master data as head office keys it (UPLOAD.md "Contents"): the identities consolidation groups by —
 * codes, names, the goods' units and category, the counterparties' channel tree — not every field a
 * clerk keeps.
 */

export const branchProfileSection: IdentitySection = {
  shape: 'identity',
  name: 'branch_profile',
  *records({ profile }) {
    yield {
      uid: profile.uid,
      code: profile.code,
      name: profile.name,
      accountingMode: profile.accountingMode,
      costingScope: profile.costingScope,
      defaultCostingMethod: profile.defaultCostingMethod,
      taxpayerType: profile.taxpayerType,
      quantityDecimals: profile.quantityDecimals,
    };
  },
};

export const categoriesSection: IdentitySection = {
  shape: 'identity',
  name: 'categories',
  tables: ['goods_categories'],
  *records({ sqlite, uids }) {
    const rows = sqlite
      .prepare('SELECT uid, name, parent_id AS parentId, path FROM goods_categories ORDER BY id')
      .all() as {
      uid: string;
      name: string;
      parentId: number | null;
      path: string;
    }[];
    for (const row of rows)
      yield { uid: row.uid, name: row.name, path: row.path, parentUid: uids.category(row.parentId) };
  },
};

export const goodsSection: IdentitySection = {
  shape: 'identity',
  name: 'goods',
  tables: ['goods', 'goods_units'],
  *records({ sqlite, uids }) {
    const units = new Map<number, { name: string; ratio: number }[]>();
    const unitRows = sqlite
      .prepare('SELECT goods_id, name, ratio, is_base FROM goods_units ORDER BY goods_id, ratio, name')
      .raw(true)
      .iterate() as IterableIterator<[number, string, number, number]>;
    const baseUnits = new Map<number, string>();
    for (const [goodsId, name, ratio, isBase] of unitRows) {
      const list = units.get(goodsId) ?? [];
      list.push({ name, ratio });
      units.set(goodsId, list);
      if (isBase) baseUnits.set(goodsId, name);
    }
    const rows = sqlite
      .prepare(
        'SELECT id, uid, code, name, spec, brand, category_id, active, deleted_at IS NOT NULL FROM goods ORDER BY id',
      )
      .raw(true)
      .iterate() as IterableIterator<
      [number, string, string, string, string, string, number | null, number, number]
    >;
    for (const [id, uid, code, name, spec, brand, categoryId, active, removed] of rows) {
      yield {
        uid,
        code,
        name,
        spec,
        brand,
        categoryUid: uids.category(categoryId),
        baseUnit: baseUnits.get(id) ?? '',
        // Ratios in millionths of the base unit, as the ledger keeps them: 箱 = 24 袋 is 24000000.
        units: units.get(id) ?? [],
        active: active === 1,
        inRecycleBin: removed === 1,
      };
    }
  },
};

export const counterpartiesSection: IdentitySection = {
  shape: 'identity',
  name: 'counterparties',
  tables: ['counterparties'],
  *records({ sqlite, uids }) {
    const rows = sqlite
      .prepare(
        'SELECT uid, code, name, kind, channel_tier, parent_id, internal_branch_code, active, deleted_at IS NOT NULL FROM counterparties ORDER BY id',
      )
      .raw(true)
      .iterate() as IterableIterator<
      [string, string, string, string, string | null, number | null, string | null, number, number]
    >;
    for (const [uid, code, name, kind, channelTier, parentId, internalBranchCode, active, removed] of rows) {
      yield {
        uid,
        code,
        name,
        kind,
        channelTier,
        parentUid: uids.counterparty(parentId),
        internalBranchCode,
        active: active === 1,
        inRecycleBin: removed === 1,
      };
    }
  },
};

export const warehousesSection: IdentitySection = {
  shape: 'identity',
  name: 'warehouses',
  tables: ['warehouses'],
  *records({ sqlite }) {
    const rows = sqlite
      .prepare(
        'SELECT uid, code, name, active, deleted_at IS NOT NULL AS removed FROM warehouses ORDER BY id',
      )
      .all() as { uid: string; code: string; name: string; active: number; removed: number }[];
    for (const row of rows) {
      yield {
        uid: row.uid,
        code: row.code,
        name: row.name,
        active: row.active === 1,
        inRecycleBin: row.removed === 1,
      };
    }
  },
};

export const monthClosesSection: IdentitySection = {
  shape: 'identity',
  name: 'month_closes',
  tables: ['month_closes'],
  *records({ sqlite }) {
    const rows = sqlite.prepare('SELECT month, closed_at FROM month_closes ORDER BY month').all() as {
      month: string;
      closed_at: string;
    }[];
    for (const row of rows) yield { uid: row.month, month: row.month, closedAt: row.closed_at };
  },
};
