import { documentTypeRule, type DocumentType } from '../../../shared/documents/document-types';
import { groupedYuan } from '../../../shared/numbers/yuan-display';
import { findBranchRow } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { capitalAmountLine } from './document-printable';
import type { PrintData } from './printable';
import { formatPrintDate } from '../../domain/printing/print-date';
import { printAppearance } from './print-appearance';

/** Goods of the sample: a distributor's everyday lines, 1 箱 = 24 袋 and the like. */
const sampleGoods = [
  { code: 'YL-001', name: '可乐 330ml', spec: '330ml×24', box: 24, unit: '罐', price: 5760 },
  { code: 'YL-002', name: '橙汁 1L', spec: '1L×12', box: 12, unit: '瓶', price: 7440 },
  { code: 'SP-010', name: '苏打饼干', spec: '400g×20', box: 20, unit: '袋', price: 16800 },
  { code: 'SP-022', name: '方便面 红烧牛肉', spec: '105g×24', box: 24, unit: '袋', price: 6720 },
] as const;

/** A sample's amount before 13% tax, in whole fen. */
const withoutTax = (fen: number) => Math.round((fen * 100) / 113);

/**
 * A made-up document of this type to see a template on before any real one exists (the designer's
 * 样张): 18 lines, so a 三联 241 × 140 form shows its page breaks, 承前页 and 过次页. Every figure is
 * marked as a sample in the title; nothing is read from or written to the books but the branch's name.
 */
export function sampleDocumentPrintData(ctx: ServiceContext, type: DocumentType): PrintData {
  if (documentTypeRule(type).direction === 'money') return sampleSettlement(ctx, type);
  const lines = Array.from({ length: 18 }, (_, index) => {
    const goods = sampleGoods[index % sampleGoods.length]!;
    const boxes = 1 + ((index * 7) % 9);
    const loose = index % 3 === 0 ? 5 : 0;
    const baseQuantity = boxes * goods.box + loose;
    // The box price in fen; the line's amount is the base units' share of it, to the fen.
    const amount = Math.round((goods.price * baseQuantity) / goods.box);
    return {
      cells: {
        lineNo: String(index + 1),
        goodsCode: goods.code,
        goodsName: goods.name,
        goodsSpec: goods.spec,
        unit: '箱',
        quantity: loose === 0 ? `${boxes}箱` : `${boxes}箱${loose}${goods.unit}`,
        bookQuantity: `${boxes}箱`,
        differenceQuantity: loose === 0 ? '0' : `${loose}${goods.unit}`,
        blank: '',
        unitPrice: groupedYuan(goods.price),
        amount: groupedYuan(withoutTax(amount)),
        taxRate: '13%',
        amountWithTax: groupedYuan(amount),
        warehouse: '一号仓',
        toWarehouse: type === 'transfer' ? '二号仓' : '',
        lot: `2026110${(index % 9) + 1}`,
        remark: index === 2 ? '外箱破损，已换' : '',
      },
      figures: {
        quantity: baseQuantity,
        amount: withoutTax(amount),
        amountWithTax: amount,
        settledAmount: 0,
      },
    };
  });
  const total = lines.reduce((sum, line) => sum + line.figures.amountWithTax, 0);
  const heading = sampleHeading(ctx, type);
  return {
    ...heading,
    header: { ...heading.header, warehouse: '一号仓', toWarehouse: type === 'transfer' ? '二号仓' : '' },
    lines,
    totalFormats: {
      quantity: String,
      amount: groupedYuan,
      amountWithTax: groupedYuan,
      settledAmount: groupedYuan,
    },
    capitalAmount: capitalAmountLine(total),
    signatures: {
      createdBy: '李制单',
      approvedBy: '张审核',
      keeper: '赵仓管',
      handler: '王经手',
      receiver: '',
    },
  };
}

/** A made-up 收款单 / 付款单: five deliveries (or receipts) it settled, the last in part. */
function sampleSettlement(ctx: ServiceContext, type: DocumentType): PrintData {
  const settledType = type === 'supplier_payment' ? '采购入库单' : '销售出库单';
  const lines = [128_000, 56_400, 230_050, 99_900, 300_000].map((original, index) => {
    const settled = index === 4 ? 150_000 : original;
    return {
      cells: {
        lineNo: String(index + 1),
        settledNumber: `YZ-2026110${index + 1}-000${index + 1}`,
        settledType,
        settledDate: formatPrintDate(`2026-11-0${index + 1}`, printAppearance(ctx).dateFormat),
        settledOriginal: groupedYuan(original),
        settledAmount: groupedYuan(settled),
      },
      figures: { quantity: 0, amount: 0, amountWithTax: 0, settledAmount: settled },
    };
  });
  const total = lines.reduce((sum, line) => sum + line.figures.settledAmount, 0) + 20_000;
  const heading = sampleHeading(ctx, type);
  return {
    ...heading,
    header: {
      ...heading.header,
      amount: groupedYuan(total),
      settled: groupedYuan(total - 20_000),
      unsettled: groupedYuan(20_000),
    },
    lines,
    totalFormats: {
      quantity: String,
      amount: groupedYuan,
      amountWithTax: groupedYuan,
      settledAmount: groupedYuan,
    },
    capitalAmount: capitalAmountLine(total),
    signatures: { createdBy: '李制单', approvedBy: '张审核', keeper: '', handler: '王经手', receiver: '' },
  };
}

/** What every 样张 has above its lines: the title, the file's name and the header fields of any document. */
function sampleHeading(ctx: ServiceContext, type: DocumentType) {
  const label = documentTypeRule(type).label;
  return {
    title: `${findBranchRow(ctx.db)?.name ?? ''} ${label}（样张）`.trim(),
    fileName: `${label}-样张.pdf`,
    header: {
      number: 'YZ-20261201-0001',
      businessDate: formatPrintDate(ctx.clock.today(), printAppearance(ctx).dateFormat),
      typeLabel: label,
      counterparty: '示例商贸有限公司',
      handler: '王经手',
      status: '已审核',
      remark: '样张：数据为示例',
    },
  };
}
