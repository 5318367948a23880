import { eq } from 'drizzle-orm';
import { documents, employees, warehouses } from '../../db/schema';
import { mayPrintDocument } from '../../../shared/documents/document-printing';
import type { DocumentStatus } from '../../../shared/documents/document-status';
import { documentTypeRule, type DocumentType } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { permissionLabel } from '../../domain/access/permissions';
import { chineseCapitalAmount } from '../../../shared/numbers/chinese-amount';
import { formatScaled, parseScaled } from '../../../shared/numbers/decimal';
import { fenScale, priceScale } from '../../../shared/numbers/scales';
import { groupedYuan, groupThousands } from '../../../shared/numbers/yuan-display';
import { findBranchRow } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { readDocument } from '../documents/read-document';
import type { PrintTemplate, TemplateFields } from './print-template';
import type { PrintData } from './printable';
import { settlementLines } from './settlement-lines';
import { formatPrintDate } from '../../domain/printing/print-date';
import { printAppearance } from './print-appearance';

/** Refuses a reader who may not print this document (document-printing.ts). */
function mayPrint(ctx: ServiceContext, type: DocumentType): void {
  if (mayPrintDocument((permission) => ctx.actor.permissions.has(permission), type)) return;
  throw new LedgerError(
    'FORBIDDEN',
    `当前用户没有权限打印${documentTypeRule(type).label}（需要“${permissionLabel('documents.print')}”）。`,
  );
}

/** What a document's template may print (the template designer's field picker lists these). */
export const documentFields: TemplateFields = {
  printable: 'document',
  header: {
    number: '单号',
    businessDate: '日期',
    typeLabel: '单据类型',
    counterparty: '往来单位',
    warehouse: '仓库',
    toWarehouse: '调入仓库',
    handler: '经手人',
    status: '状态',
    remark: '备注',
    amount: '金额',
    settled: '已核销',
    unsettled: '未核销',
  },
  columns: {
    lineNo: { label: '行号', align: 'right', totalled: false },
    goodsCode: { label: '商品编码', align: 'left', totalled: false },
    goodsName: { label: '商品名称', align: 'left', totalled: false },
    goodsSpec: { label: '规格', align: 'left', totalled: false },
    unit: { label: '单位', align: 'center', totalled: false },
    quantity: { label: '数量', align: 'right', totalled: true },
    bookQuantity: { label: '账面数量', align: 'right', totalled: false },
    differenceQuantity: { label: '盈亏数量', align: 'right', totalled: false },
    /** Always empty: a column to write in by hand (a count sheet's 实盘数量). */
    blank: { label: '（手填）', align: 'left', totalled: false },
    unitPrice: { label: '单价', align: 'right', totalled: false },
    amount: { label: '金额', align: 'right', totalled: true },
    taxRate: { label: '税率', align: 'right', totalled: false },
    amountWithTax: { label: '价税合计', align: 'right', totalled: true },
    warehouse: { label: '仓库', align: 'left', totalled: false },
    toWarehouse: { label: '调入仓库', align: 'left', totalled: false },
    lot: { label: '批号', align: 'left', totalled: false },
    remark: { label: '备注', align: 'left', totalled: false },
    // A 收款单 / 付款单's lines: what it settled (settlement-lines.ts).
    settledNumber: { label: '核销单据', align: 'left', totalled: false },
    settledType: { label: '单据类型', align: 'left', totalled: false },
    settledDate: { label: '单据日期', align: 'center', totalled: false },
    settledOriginal: { label: '原单金额', align: 'right', totalled: false },
    settledAmount: { label: '本次核销', align: 'right', totalled: true },
  },
  signatures: {
    createdBy: '制单',
    approvedBy: '审核',
    keeper: '仓管',
    handler: '经手',
    receiver: '收货人',
  },
};

/**
 * A document as it prints: its page's reading of it (read-document.ts: the same names, figures and
 * what the reader's role may see), laid into the template's fields. Quantities print in the goods'
 * units largest first ("3箱5袋") or in the line's unit; their total is in base units when mixed, where
 * lines of different goods share no other unit.
 */
export interface DocumentPrintData extends PrintData {
  documentId: number;
  status: DocumentStatus;
  /** The template it prints on: the one asked for, or its type's default. */
  template: PrintTemplate;
}

/** The closing line of a document with money: its total in 大写 and in figures. */
export function capitalAmountLine(fen: number): string {
  return `合计金额（大写）：${chineseCapitalAmount(fen)}（¥${groupedYuan(fen)}）`;
}

export function documentPrintData(
  ctx: ServiceContext,
  number: string,
  templateFor: (type: DocumentType) => PrintTemplate,
): DocumentPrintData {
  const found = ctx.db
    .select({ id: documents.id, handlerId: documents.handlerId })
    .from(documents)
    .where(eq(documents.number, number))
    .get();
  if (!found) throw new LedgerError('NOT_FOUND', `单据【${number}】不存在。`);
  const doc = readDocument(ctx, found.id);
  mayPrint(ctx, doc.type);
  const template = templateFor(doc.type);
  const branch = findBranchRow(ctx.db);
  const decimals = branch?.quantityDecimals ?? 2;
  const warehouseName = (id: number | null) =>
    id === null
      ? ''
      : (ctx.db.select({ name: warehouses.name }).from(warehouses).where(eq(warehouses.id, id)).get()?.name ??
        '');
  const handler =
    found.handlerId === null
      ? ''
      : (ctx.db
          .select({ name: employees.name })
          .from(employees)
          .where(eq(employees.id, found.handlerId))
          .get()?.name ?? '');
  // A figure the reader's role may not see comes withheld (cost-figures.ts): it prints blank.
  const fen = (text: string | null | undefined) => (text == null ? null : parseScaled(text, fenScale));
  const mixed = template.quantity === 'mixed';
  const lines = doc.lines.map((line) => {
    const amount = fen(line.amount);
    const amountWithTax = fen(line.amountWithTax);
    return {
      cells: {
        lineNo: String(line.lineNo),
        goodsCode: line.goodsCode,
        goodsName: line.goodsName,
        goodsSpec: line.goodsSpec ?? '',
        unit: line.unitName,
        quantity: mixed ? line.mixedQuantity : `${groupThousands(line.quantity)}`,
        // A price prints with two decimals at least: "3.5" → "3.50".
        unitPrice:
          line.unitPrice == null
            ? ''
            : groupThousands(formatScaled(parseScaled(line.unitPrice, priceScale)!, priceScale, 2)),
        amount: amount === null ? '' : groupedYuan(amount),
        taxRate: `${line.taxRate}%`,
        amountWithTax: amountWithTax === null ? '' : groupedYuan(amountWithTax),
        warehouse: line.warehouseName,
        toWarehouse: line.toWarehouseName,
        lot: line.lot ?? '',
        bookQuantity: line.bookQuantity ?? '',
        differenceQuantity: line.differenceQuantity ?? '',
        blank: '',
        remark: line.remark ?? '',
      },
      figures: {
        quantity: parseScaled(mixed ? line.baseQuantity : line.quantity, decimals) ?? 0,
        amount,
        amountWithTax,
        settledAmount: 0,
      },
    };
  });
  // Money moves no goods: a 收款单 / 付款单 prints what it settled.
  const settled = documentTypeRule(doc.type).direction === 'money' ? settlementLines(ctx, doc.id) : [];
  const settledTotal = settled.reduce((sum, line) => sum + line.settled, 0);
  const moneyLines = settled.map((line) => ({
    cells: line.cells,
    figures: { quantity: 0, amount: 0, amountWithTax: 0, settledAmount: line.settled },
  }));
  const keeper = doc.lines.find((line) => line.confirmedByName)?.confirmedByName ?? '';
  const totalWithTax = fen(doc.totalWithTax);
  return {
    documentId: doc.id,
    status: doc.status,
    template,
    title: `${branch?.name ?? ''} ${doc.typeLabel}`.trim(),
    fileName: `${doc.typeLabel}-${doc.number}.pdf`,
    header: {
      number: doc.number,
      businessDate: formatPrintDate(doc.businessDate, printAppearance(ctx).dateFormat),
      typeLabel: doc.typeLabel,
      counterparty: doc.counterpartyName ?? '',
      // A document whose lines name the warehouse prints theirs.
      warehouse:
        doc.warehouseId === null
          ? [...new Set(doc.lines.map((line) => line.warehouseName).filter(Boolean))].join('、')
          : warehouseName(doc.warehouseId),
      toWarehouse: warehouseName(doc.toWarehouseId),
      handler,
      status: doc.statusLabel,
      remark: doc.remark ?? '',
      amount: totalWithTax === null ? '' : groupedYuan(totalWithTax),
      settled: settled.length === 0 ? '' : groupedYuan(settledTotal),
      unsettled:
        settled.length === 0 || totalWithTax === null ? '' : groupedYuan(totalWithTax - settledTotal),
    },
    lines: [...lines, ...moneyLines],
    totalFormats: {
      quantity: (sum) => formatScaled(sum, decimals),
      amount: groupedYuan,
      amountWithTax: groupedYuan,
      settledAmount: groupedYuan,
    },
    capitalAmount: totalWithTax === null ? null : capitalAmountLine(totalWithTax),
    signatures: {
      createdBy: doc.createdByName ?? '',
      approvedBy: doc.approvedByName ?? '',
      keeper,
      handler,
      receiver: '',
    },
  };
}
