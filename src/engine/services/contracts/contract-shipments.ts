import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { ContractKind } from '../../../shared/contracts/contract-status';
import type { DocumentType } from '../../../shared/documents/document-types';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { baseUnitRatio } from '../../../shared/numbers/scales';

/**
 * 净出货 of a contract (issue 14 "Execution"): the lines of the branch's own completed documents with the
 * contract's counterparty inside its period — deliveries less sales returns for a sales contract, receipts
 * less purchase returns for a purchase one. A red-letter reversal is a document of the same type with its
 * quantities negated, so summing every completed one nets it out. Gifts (赠品, and so 货补 paid as goods)
 * earn no rebate and count towards no volume.
 */

const movingTypes: Readonly<Record<ContractKind, { out: DocumentType; back: DocumentType }>> = {
  sales: { out: 'sales_delivery', back: 'sales_return' },
  purchase: { out: 'purchase_receipt', back: 'purchase_return' },
};

export interface ContractTarget {
  id: number;
  goodsId: number | null;
  categoryId: number | null;
  /** The category's path (乳制品/纯牛奶): its goods are those of it and every category below. */
  categoryPath: string | null;
  unitName: string;
  agreedPrice: number | null;
}

export interface Shipment {
  documentLineId: number;
  documentId: number;
  number: string;
  businessDate: string;
  goodsId: number;
  /** The contract line it counts for: the goods' own line, else the nearest category above it. */
  targetId: number;
  /** Signed base units × 10^quantityDecimals (a return is negative). */
  baseQuantity: number;
  /** Signed fen with tax: the share of the line's amount for what was confirmed, as its open item. */
  amount: number;
  categoryPath: string | null;
}

interface ShipmentRow {
  line_id: number;
  document_id: number;
  number: string;
  business_date: string;
  type: DocumentType;
  goods_id: number;
  category_path: string | null;
  base_quantity: number;
  confirmed: number | null;
  amount_with_tax: number;
}

export function inCategory(path: string | null, categoryPath: string): boolean {
  return path !== null && (path === categoryPath || path.startsWith(`${categoryPath}/`));
}

/** The contract line a goods counts for: its own, else the deepest category line above it. */
export function targetFor(
  targets: readonly ContractTarget[],
  goodsId: number,
  path: string | null,
): ContractTarget | undefined {
  const own = targets.find((target) => target.goodsId === goodsId);
  if (own) return own;
  return targets
    .filter((target) => target.categoryPath !== null && inCategory(path, target.categoryPath))
    .sort((a, b) => b.categoryPath!.length - a.categoryPath!.length)[0];
}

/** Every shipment of the contract's counterparty in [from, through], in date order, matched to its line. */
export function contractShipments(
  sqlite: Database.Database,
  contract: { kind: ContractKind; counterpartyId: number },
  targets: readonly ContractTarget[],
  from: string,
  through: string,
): Shipment[] {
  const types = movingTypes[contract.kind];
  const rows = prepared(
    sqlite,
    'SELECT l.id AS line_id, d.id AS document_id, d.number, d.business_date, d.type, l.goods_id, ' +
      'c.path AS category_path, l.base_quantity, l.confirmed_base_quantity AS confirmed, l.amount_with_tax ' +
      'FROM documents d JOIN document_lines l ON l.document_id = d.id JOIN goods g ON g.id = l.goods_id ' +
      'LEFT JOIN goods_categories c ON c.id = g.category_id ' +
      "WHERE d.type IN (?, ?) AND d.status = 'completed' AND d.counterparty_id = ? " +
      'AND d.business_date BETWEEN ? AND ? AND l.is_gift = 0 ' +
      'ORDER BY d.business_date, d.id, l.line_no',
  ).all(types.out, types.back, contract.counterpartyId, from, through) as ShipmentRow[];
  const shipments: Shipment[] = [];
  for (const row of rows) {
    const target = targetFor(targets, row.goods_id, row.category_path);
    if (!target) continue;
    const sign = row.type === types.back ? -1 : 1;
    const confirmed = row.confirmed ?? row.base_quantity;
    const amount =
      confirmed === row.base_quantity
        ? row.amount_with_tax
        : mulDivRound(row.amount_with_tax, confirmed, row.base_quantity);
    shipments.push({
      documentLineId: row.line_id,
      documentId: row.document_id,
      number: row.number,
      businessDate: row.business_date,
      goodsId: row.goods_id,
      targetId: target.id,
      baseQuantity: sign * confirmed,
      amount: sign * amount,
      categoryPath: row.category_path,
    });
  }
  return shipments;
}

/**
 * Converts base quantities into a named unit, goods by goods (箱 is 24 袋 for one milk and 12 for another).
 * A goods without the unit counts in its base unit, and is named so the page can say so.
 */
export class UnitConverter {
  private readonly ratios = new Map<string, number | null>();
  constructor(private readonly sqlite: Database.Database) {}

  ratio(goodsId: number, unitName: string): number | null {
    const key = `${goodsId}|${unitName}`;
    if (!this.ratios.has(key)) {
      const row = prepared(this.sqlite, 'SELECT ratio FROM goods_units WHERE goods_id = ? AND name = ?').get(
        goodsId,
        unitName,
      ) as { ratio: number } | undefined;
      this.ratios.set(key, row?.ratio ?? null);
    }
    return this.ratios.get(key)!;
  }

  /** Base units × 10^qd → `unitName` × 10^qd, rounded half away from zero. */
  toUnit(goodsId: number, unitName: string, baseQuantity: number): number {
    const ratio = this.ratio(goodsId, unitName) ?? baseUnitRatio;
    return mulDivRound(baseQuantity, baseUnitRatio, ratio);
  }
}
