import { eq, inArray, isNull } from 'drizzle-orm';
import { addDays } from '../../domain/calendar/calendar';
import type { LedgerTx } from '../../db/connection';
import { counterparties, goods, goodsUnits, warehouses } from '../../db/schema';
import type { BranchProfile } from '../../domain/branch/profile';
import { documentTypeRule, type DocumentType } from '../../../shared/documents/document-types';
import {
  assertWholeBaseUnits,
  baseQuantityOf,
  plainPrice,
  priceWithTax,
  tradeLineAmounts,
  unitPriceOf,
  type TradeLineAmounts,
} from '../../../shared/documents/line-amounts';
import { LedgerError } from '../../../shared/ledger-error';
import { carriesTax, defaultPriceField } from '../../../shared/documents/line-pricing';
import { requireDecimalInput } from '../../../shared/numbers/decimal-input';
import { costingMethodOf } from '../stock/costing-scope';

/**
 * A document as the clerk entered it, before anything is checked against the books: what
 * `documents.save` takes (its schema, api/schemas/document.ts, conforms to this). Prices, rates and
 * amounts arrive as exact scaled integers (domain/numbers/scales.ts), null where left empty; the
 * quantity stays text until the branch's quantity decimals scale it.
 */
export interface DocumentDraft {
  type: DocumentType;
  businessDate: string;
  counterpartyId: number | null;
  officeId: number | null;
  handlerId: number | null;
  warehouseId: number | null;
  toWarehouseId: number | null;
  remark: string;
  sourceDocumentId: number | null;
  /** 收款单 / 付款单 only: the money received or paid, in fen; these documents have no lines. */
  amount: number | null;
  lines: DocumentDraftLine[];
}

/** What a line says besides its goods and figures, as entered and as stored alike. */
interface LineTerms {
  warehouseId: number | null;
  toWarehouseId: number | null;
  lot: string;
  productionDate: string | null;
  expiryDate: string | null;
  isGift: boolean;
  remark: string;
  sourceLineId: number | null;
}

export interface DocumentDraftLine extends LineTerms {
  goodsId: number;
  unitName: string;
  /** In `unitName`, as typed. */
  quantity: string;
  /** Per `unitName`; with tax when `priceIncludesTax` (含税单价), else without. */
  unitPrice: number | null;
  priceIncludesTax: boolean;
  discountRate: number | null;
  /** The goods' rate when null. */
  taxRate: number | null;
  /**
   * The line's value in fen where it is what was entered or counted (opening stock, a gain or other
   * receipt at its value): kept as given, the unit price derived from it (DOMAIN.md §3).
   */
  amount: number | null;
  /** 成本调整单 only: the signed change of value, in fen. */
  adjustmentAmount: number | null;
}

/** A line ready to store: every quantity and amount exact and checked. */
export interface PreparedLine extends LineTerms {
  lineNo: number;
  goodsId: number;
  unitName: string;
  unitRatio: number;
  quantity: number;
  baseQuantity: number;
  unitPrice: number;
  unitPriceWithTax: number;
  priceIncludesTax: boolean;
  discountRate: number;
  discountAmount: number;
  taxRate: number;
  amount: number;
  taxAmount: number;
  amountWithTax: number;
}

export function lineError(lineNo: number, field: string, message: string): LedgerError {
  return new LedgerError('VALIDATION', `第 ${lineNo} 行：${message}`, { line: lineNo, field });
}

const counterpartyLabels = { supplier: '供应商', customer: '客户', internal: '内部单位' } as const;

/**
 * Checks the header's counterparty and warehouses and turns every line into stored figures
 * (DOMAIN.md §3, §5), naming the line and field of the first thing wrong.
 */
export function prepareLines(tx: LedgerTx, profile: BranchProfile, input: DocumentDraft): PreparedLine[] {
  const rule = documentTypeRule(input.type);
  if (rule.counterparty !== 'none') {
    const label = counterpartyLabels[rule.counterparty];
    if (input.counterpartyId === null)
      throw new LedgerError('VALIDATION', `请选择${label}。`, { field: 'counterpartyId' });
    const counterparty = tx
      .select()
      .from(counterparties)
      .where(eq(counterparties.id, input.counterpartyId))
      .get();
    if (!counterparty || counterparty.deletedAt !== null) {
      throw new LedgerError('VALIDATION', `${label}不存在。`, { field: 'counterpartyId' });
    }
    if (
      rule.counterparty === 'internal'
        ? !counterparty.isInternal
        : counterparty.kind !== 'both' && counterparty.kind !== rule.counterparty
    ) {
      throw new LedgerError('VALIDATION', `【${counterparty.name}】不是${label}。`, {
        field: 'counterpartyId',
      });
    }
  }
  if (rule.direction === 'money') {
    if (input.lines.length > 0) throw new LedgerError('VALIDATION', `${rule.label}没有商品明细。`);
    if (input.amount === null || input.amount <= 0)
      throw new LedgerError('VALIDATION', '请填写金额（大于 0）。', { field: 'amount' });
    return [];
  }
  if (input.lines.length === 0) throw new LedgerError('VALIDATION', '单据至少要有一行明细。');
  const goodsIds = [...new Set(input.lines.map((line) => line.goodsId))];
  const goodsById = new Map(
    tx
      .select()
      .from(goods)
      .where(inArray(goods.id, goodsIds))
      .all()
      .map((row) => [row.id, row]),
  );
  const units = tx.select().from(goodsUnits).where(inArray(goodsUnits.goodsId, goodsIds)).all();
  const liveWarehouses = new Map(
    tx
      .select()
      .from(warehouses)
      .where(isNull(warehouses.deletedAt))
      .all()
      .map((row) => [row.id, row]),
  );
  const checkWarehouse = (lineNo: number, field: string, id: number | null, what: string): number | null => {
    if (id === null) {
      if (rule.direction === 'none' && field === 'toWarehouseId') return null;
      throw lineError(lineNo, field, `请选择${what}。`);
    }
    const warehouse = liveWarehouses.get(id);
    if (!warehouse) throw lineError(lineNo, field, `${what}不存在。`);
    if (!warehouse.active) throw lineError(lineNo, field, `${what}【${warehouse.name}】已停用。`);
    return id;
  };

  return input.lines.map((line: DocumentDraftLine, index): PreparedLine => {
    const lineNo = index + 1;
    const item = goodsById.get(line.goodsId);
    if (!item || item.deletedAt !== null) throw lineError(lineNo, 'goodsId', '商品不存在。');
    const label = `【${item.name}】`;
    if (!item.active) throw lineError(lineNo, 'goodsId', `商品${label}已停用。`);
    const unit = units.find((candidate) => candidate.goodsId === item.id && candidate.name === line.unitName);
    if (!unit) throw lineError(lineNo, 'unitName', `商品${label}没有单位【${line.unitName}】。`);
    const baseUnit = units.find((candidate) => candidate.goodsId === item.id && candidate.isBase)!;

    const quantity = requireDecimalInput(line.quantity, profile.quantityDecimals, `第 ${lineNo} 行数量`);
    const valueOnly = rule.direction === 'value';
    if (valueOnly ? quantity !== 0 : rule.direction === 'none' ? quantity < 0 : quantity <= 0) {
      throw lineError(
        lineNo,
        'quantity',
        valueOnly
          ? '成本调整单只调金额，数量应为 0。'
          : rule.direction === 'none'
            ? '实盘数量不能为负。'
            : '数量必须大于 0。',
      );
    }
    const baseQuantity = baseQuantityOf(quantity, unit.ratio);
    if (baseQuantity === null) {
      throw lineError(
        lineNo,
        'quantity',
        `数量折合基本单位后超过本机构数量精度（${profile.quantityDecimals} 位小数）。`,
      );
    }
    if (item.baseUnitIndivisible)
      assertWholeBaseUnits(baseQuantity, profile.quantityDecimals, `第 ${lineNo} 行`, baseUnit.name);

    const warehouseId = checkWarehouse(lineNo, 'warehouseId', line.warehouseId ?? input.warehouseId, '仓库');
    let toWarehouseId: number | null = null;
    if (rule.direction === 'transfer') {
      toWarehouseId = checkWarehouse(
        lineNo,
        'toWarehouseId',
        line.toWarehouseId ?? input.toWarehouseId,
        '调入仓库',
      );
      if (toWarehouseId === warehouseId)
        throw lineError(lineNo, 'toWarehouseId', '调入仓库不能与调出仓库相同。');
    }

    const lot = line.lot;
    // An order promises goods; the lot is picked when they are received or delivered.
    if (item.lotTracked && rule.direction !== 'value' && rule.direction !== 'order' && lot === '') {
      throw lineError(lineNo, 'lot', `商品${label}按批次管理，请填写批号。`);
    }
    if (!item.lotTracked && lot !== '')
      throw lineError(lineNo, 'lot', `商品${label}不按批次管理，不要填写批号。`);
    // 个别计价 names the lot an issue takes from (DOMAIN.md §6.2): without lots there is nothing to name.
    if (!item.lotTracked && costingMethodOf(profile, item.costingMethod) === 'specific') {
      throw lineError(lineNo, 'goodsId', `商品${label}按个别计价核算成本，须先在商品资料中启用批次管理。`);
    }
    const expiryDate =
      line.expiryDate ??
      (line.productionDate && item.shelfLifeDays ? addDays(line.productionDate, item.shelfLifeDays) : null);

    const trade = carriesTax(input.type);
    const taxRate = trade ? (line.taxRate ?? item.taxRate) : 0;
    const terms = trade
      ? { includesTax: line.priceIncludesTax, discountRate: line.discountRate ?? 0 }
      : plainPrice;
    // The goods' default prices are without tax: one entered with tax starts from the same price plus VAT.
    const priceField = defaultPriceField(input.type);
    const defaultPrice = (priceField ? unit[priceField] : null) ?? 0;
    const price = line.isGift
      ? 0
      : (line.unitPrice ?? (terms.includesTax ? priceWithTax(defaultPrice, taxRate) : defaultPrice));
    const traded = tradeLineAmounts(quantity, price, taxRate, profile.quantityDecimals, terms);
    let { unitPrice, unitPriceWithTax } = traded;
    let amounts: Omit<TradeLineAmounts, 'unitPrice' | 'unitPriceWithTax'> = {
      amount: traded.amount,
      taxAmount: traded.taxAmount,
      amountWithTax: traded.amountWithTax,
      discountAmount: traded.discountAmount,
    };
    // A value entered or counted (an opening balance, a gain at its value) is kept whatever unit the line
    // is shown in; its unit price is derived from it (DOMAIN.md §3), never the other way round.
    if (line.amount !== null && !trade && !line.isGift && rule.receiptCost !== null) {
      unitPrice = unitPriceOf(line.amount, quantity, profile.quantityDecimals);
      unitPriceWithTax = unitPrice;
      amounts = { amount: line.amount, taxAmount: 0, amountWithTax: line.amount, discountAmount: 0 };
    }
    if (valueOnly) {
      if (line.adjustmentAmount === null || line.adjustmentAmount === 0) {
        throw lineError(lineNo, 'adjustmentAmount', '请填写调整金额（增加为正，减少为负）。');
      }
      amounts = {
        amount: line.adjustmentAmount,
        taxAmount: 0,
        amountWithTax: line.adjustmentAmount,
        discountAmount: 0,
      };
    }
    return {
      lineNo,
      goodsId: item.id,
      unitName: unit.name,
      unitRatio: unit.ratio,
      quantity,
      baseQuantity,
      unitPrice,
      unitPriceWithTax,
      priceIncludesTax: terms.includesTax,
      discountRate: terms.discountRate,
      taxRate,
      ...amounts,
      warehouseId,
      toWarehouseId,
      lot,
      productionDate: line.productionDate,
      expiryDate,
      isGift: line.isGift,
      remark: line.remark,
      sourceLineId: line.sourceLineId,
    };
  });
}
