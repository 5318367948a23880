import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { BranchProfile } from '../../domain/branch/profile';
import {
  documentTypeRule,
  type DocumentType,
  type MovementKind,
} from '../../../shared/documents/document-types';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { postMovement, type LedgerProfile, type MovementCost } from '../stock/stock-ledger';

/** A stored line as posting reads it (snake_case: read through a prepared statement). */
export interface LineToPost {
  id: number;
  goods_id: number;
  base_quantity: number;
  amount: number;
  amount_with_tax: number;
  unit_price: number;
  warehouse_id: number;
  to_warehouse_id: number | null;
  lot: string;
  expiry_date: string | null;
  source_line_id: number | null;
  lot_tracked: number;
}

export interface PostingDocument {
  id: number;
  type: DocumentType;
  businessDate: string;
}

export type PostingProfile = LedgerProfile & Pick<BranchProfile, 'taxpayerType'>;

const lineSql =
  'SELECT l.id, l.goods_id, l.base_quantity, l.amount, l.amount_with_tax, l.unit_price, l.warehouse_id, ' +
  'l.to_warehouse_id, l.lot, l.expiry_date, l.source_line_id, g.lot_tracked FROM document_lines l ' +
  'JOIN goods g ON g.id = l.goods_id WHERE l.id = ?';

export function readLineToPost(sqlite: Database.Database, lineId: number): LineToPost {
  return prepared(sqlite, lineSql).get(lineId) as LineToPost;
}

/** The movement a line posted at a warehouse (not in transit); the origin of returns and reversals. */
function movementOfLine(sqlite: Database.Database, lineId: number, inTransit = false) {
  return prepared(
    sqlite,
    'SELECT id, layer, quantity, value FROM stock_movements WHERE line_id = ? AND in_transit = ? ORDER BY id LIMIT 1',
  ).get(lineId, inTransit ? 1 : 0) as
    { id: number; layer: string | null; quantity: number; value: number } | undefined;
}

function receiptLayer(line: LineToPost): string {
  return line.lot_tracked ? `lot:${line.lot}` : `line:${line.id}`;
}

/** Part of a line's amount for the quantity actually confirmed (all of it exactly when all arrived). */
function share(amount: number, quantity: number, planned: number): number {
  return quantity === planned ? amount : mulDivRound(amount, quantity, planned);
}

/**
 * Posts what a keeper confirmed of one line (or what approval posts for documents no keeper sees):
 * the movements of DOMAIN.md §6 for the document's type, dated by its business date.
 */
export function postLine(
  sqlite: Database.Database,
  profile: PostingProfile,
  doc: PostingDocument,
  line: LineToPost,
  quantity: number,
  stage: 'ship' | 'receive' = 'ship',
): void {
  const rule = documentTypeRule(doc.type);
  const common = {
    postingDate: doc.businessDate,
    goodsId: line.goods_id,
    lot: line.lot,
    expiryDate: line.expiry_date,
    documentId: doc.id,
    lineId: line.id,
  };
  const lotLayer = line.lot_tracked ? `lot:${line.lot}` : undefined;
  switch (rule.direction) {
    case 'in': {
      let cost: MovementCost;
      if (rule.receiptCost === 'origin_cost' && line.source_line_id !== null) {
        const origin = movementOfLine(sqlite, line.source_line_id);
        cost = origin ? { kind: 'origin', movementId: origin.id } : { kind: 'current' };
      } else if (rule.receiptCost === 'current_or_entered' && line.unit_price === 0) {
        cost = { kind: 'current' };
      } else {
        // DOMAIN.md §2: a small-scale taxpayer cannot deduct input VAT, so it is part of the cost.
        const amount = profile.taxpayerType === 'small' ? line.amount_with_tax : line.amount;
        cost = { kind: 'own', value: share(amount, quantity, line.base_quantity) };
      }
      postMovement(sqlite, profile, {
        ...common,
        warehouseId: line.warehouse_id,
        inTransit: false,
        kind: rule.movementKind!,
        quantity,
        cost,
        receiptLayer: receiptLayer(line),
      });
      return;
    }
    case 'out': {
      // A purchase return leaves from its origin receipt's layer while that holds stock (§6.4).
      const originLayer =
        doc.type === 'purchase_return' && line.source_line_id !== null
          ? (movementOfLine(sqlite, line.source_line_id)?.layer ?? undefined)
          : undefined;
      const layer = originLayer ?? lotLayer;
      postMovement(sqlite, profile, {
        ...common,
        warehouseId: line.warehouse_id,
        inTransit: false,
        kind: rule.movementKind!,
        quantity: -quantity,
        cost: layer === undefined ? { kind: 'issue' } : { kind: 'issue', layer },
        receiptLayer: null,
      });
      return;
    }
    case 'value':
      postMovement(sqlite, profile, {
        ...common,
        warehouseId: line.warehouse_id,
        inTransit: false,
        kind: 'cost_adjustment',
        quantity: 0,
        cost: { kind: 'adjustment', value: line.amount },
        receiptLayer: lotLayer ?? null,
      });
      return;
    case 'transfer':
      postTransfer(sqlite, profile, common, line, quantity, stage, lotLayer);
      return;
    case 'none':
      return;
  }
}

/**
 * §6.3: under 分仓核算 the goods leave the source at its cost, in transit holds that value, and the
 * destination receives it; under 统一核算 nothing changes value.
 */
function postTransfer(
  sqlite: Database.Database,
  profile: PostingProfile,
  common: {
    postingDate: string;
    goodsId: number;
    lot: string;
    expiryDate: string | null;
    documentId: number;
    lineId: number;
  },
  line: LineToPost,
  quantity: number,
  stage: 'ship' | 'receive',
  lotLayer: string | undefined,
): void {
  const valued = profile.costingScope === 'per_warehouse';
  const destination = line.to_warehouse_id!;
  if (stage === 'ship') {
    const out = postMovement(sqlite, profile, {
      ...common,
      warehouseId: line.warehouse_id,
      inTransit: false,
      kind: 'transfer_out',
      quantity: -quantity,
      cost: valued ? (lotLayer ? { kind: 'issue', layer: lotLayer } : { kind: 'issue' }) : { kind: 'none' },
      receiptLayer: null,
    });
    postMovement(sqlite, profile, {
      ...common,
      warehouseId: destination,
      inTransit: true,
      kind: 'transfer_in',
      quantity,
      cost: valued ? { kind: 'origin', movementId: out.id } : { kind: 'none' },
      receiptLayer: null,
    });
    return;
  }
  const shipped = movementOfLine(sqlite, line.id, true)!;
  const out = movementOfLine(sqlite, line.id)!;
  postMovement(sqlite, profile, {
    ...common,
    warehouseId: destination,
    inTransit: true,
    kind: 'transfer_out',
    quantity: -quantity,
    cost: valued ? { kind: 'origin', movementId: shipped.id } : { kind: 'none' },
    receiptLayer: null,
  });
  postMovement(sqlite, profile, {
    ...common,
    warehouseId: destination,
    inTransit: false,
    kind: 'transfer_in',
    quantity,
    cost: valued ? { kind: 'origin', movementId: out.id } : { kind: 'none' },
    receiptLayer: receiptLayer(line),
  });
}

/**
 * 红字冲销: the movements that cancel a completed document's, at today's open date. What came in goes
 * out of its own layer; what went out comes back at the cost it left at; a value change is undone.
 */
export function postReversal(
  sqlite: Database.Database,
  profile: PostingProfile,
  original: { id: number },
  reversal: PostingDocument,
  lineMap: Map<number, number>,
): void {
  const movements = prepared(
    sqlite,
    'SELECT * FROM stock_movements WHERE document_id = ? AND in_transit = 0 ORDER BY id',
  ).all(original.id) as {
    id: number;
    goods_id: number;
    warehouse_id: number;
    lot: string;
    kind: MovementKind;
    quantity: number;
    own_value: number | null;
    layer: string | null;
    scope: string | null;
    line_id: number;
  }[];
  // A transfer goes back as a transfer (§6.3): what leaves the destination arrives at the source with the
  // value it left at, so its arrivals are reversed first and the source takes its cost from them.
  const transfer = documentTypeRule(reversal.type).direction === 'transfer';
  if (transfer) movements.sort((a, b) => b.quantity - a.quantity);
  const sentBack = new Map<number, number>();
  for (const movement of movements) {
    const common = {
      postingDate: reversal.businessDate,
      goodsId: movement.goods_id,
      warehouseId: movement.warehouse_id,
      lot: movement.lot,
      expiryDate: null,
      inTransit: false,
      kind: movement.kind,
      quantity: -movement.quantity,
      documentId: reversal.id,
      lineId: lineMap.get(movement.line_id)!,
    };
    let cost: MovementCost;
    if (movement.scope === null) cost = { kind: 'none' };
    else if (movement.quantity > 0)
      cost = movement.layer ? { kind: 'issue', layer: movement.layer } : { kind: 'issue' };
    else if (movement.quantity < 0)
      cost = { kind: 'origin', movementId: (transfer && sentBack.get(movement.line_id)) || movement.id };
    else cost = { kind: 'adjustment', value: -(movement.own_value ?? 0) };
    const posted = postMovement(sqlite, profile, {
      ...common,
      cost,
      receiptLayer: movement.quantity < 0 ? (movement.layer ?? `rev:${movement.id}`) : null,
    });
    if (transfer && movement.quantity > 0) sentBack.set(movement.line_id, posted.id);
  }
}
