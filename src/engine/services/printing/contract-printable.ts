import contractTemplateFile from '../../../../resources/print-templates/contract.json';
import { describeRebateTerm } from '../../../shared/contracts/rebate-wording';
import { formatScaled } from '../../../shared/numbers/decimal';
import { priceScale } from '../../../shared/numbers/scales';
import { groupThousands } from '../../../shared/numbers/yuan-display';
import { formatPrintDate } from '../../domain/printing/print-date';
import { findBranchRow } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { readContract } from '../contracts/read-contract';
import { printAppearance } from './print-appearance';
import { checkTemplate, type TemplateFields } from './print-template';
import type { PrintData } from './printable';

/** What a contract's template may print: its header, its signed volumes, who signs it. */
export const contractFields: TemplateFields = {
  printable: 'contract',
  header: {
    number: '合同编号',
    kind: '合同类型',
    counterparty: '签约单位',
    channelTier: '渠道类型',
    office: '办事处',
    salesperson: '业务员',
    period: '合同期间',
    signedOn: '签约日期',
    status: '状态',
    amendment: '补充协议',
    remark: '备注',
  },
  columns: {
    lineNo: { label: '行号', align: 'right', totalled: false },
    target: { label: '商品或类别', align: 'left', totalled: false },
    month: { label: '月份', align: 'center', totalled: false },
    unit: { label: '单位', align: 'center', totalled: false },
    quantity: { label: '签约量', align: 'right', totalled: false },
    agreedPrice: { label: '协议价（含税）', align: 'right', totalled: false },
  },
  signatures: {
    createdBy: '制单',
    approvedBy: '审核',
    counterpartySeal: '签约单位（盖章）',
    branchSeal: '分公司（盖章）',
  },
};

/** 合同（A4）: the contract's template, checked once as any template is. */
export const contractTemplate = checkTemplate(contractTemplateFile, contractFields);

/**
 * A contract as it prints (issue 14: "printing through the print templates"): the page's reading of it
 * (read-contract.ts, with the agreed purchase prices withheld from a role that may not see costs), its
 * signed volumes as the lines, and after them the written terms and each rebate term in words, as the
 * paper contract states them. Quantities print in the line's own unit: lines of several goods and
 * months have no total that means anything.
 */
export function contractPrintData(ctx: ServiceContext, id: number): PrintData {
  const contract = readContract(ctx, id);
  const branch = findBranchRow(ctx.db);
  const decimals = branch?.quantityDecimals ?? 2;
  const date = (iso: string | null) => (iso ? formatPrintDate(iso, printAppearance(ctx).dateFormat) : '');
  const approval = contract.events.findLast((event) => event.action === 'approve');
  const lines = contract.lines.map((line) => ({
    cells: {
      lineNo: String(line.lineNo),
      target: line.label,
      month: line.month ?? '全期',
      unit: line.unitName,
      quantity: groupThousands(formatScaled(line.quantity, decimals)),
      agreedPrice:
        line.agreedPrice == null ? '' : groupThousands(formatScaled(line.agreedPrice, priceScale, 2)),
    },
    figures: {},
  }));
  const scopeLabel = (scope: { goodsId: number | null; categoryId: number | null }) =>
    contract.lines.find(
      (line) =>
        (scope.goodsId !== null && line.goodsId === scope.goodsId) ||
        (scope.categoryId !== null && line.categoryId === scope.categoryId),
    )?.label ?? null;
  const notes = [
    ...(contract.terms.trim() ? [`合同条款：${contract.terms.trim()}`] : []),
    ...contract.rebateTerms.map(
      (term, index) => `返利条款 ${index + 1}：${describeRebateTerm(term, decimals, scopeLabel(term.scope))}`,
    ),
  ];
  return {
    title: `${branch?.name ?? ''} ${contract.kindLabel}`.trim(),
    fileName: `${contract.kindLabel}-${contract.number}.pdf`,
    header: {
      number: contract.number,
      kind: contract.kindLabel,
      counterparty: `${contract.counterpartyCode} ${contract.counterpartyName}`,
      channelTier: contract.channelTierLabel ?? '',
      office: contract.officeName ?? '',
      salesperson: contract.salespersonName ?? '',
      period: `${date(contract.periodStart)} 至 ${date(contract.periodEnd)}`,
      signedOn: date(contract.signedOn),
      status: contract.statusLabel,
      amendment: contract.amendmentNo > 0 ? `已含 ${contract.amendmentNo} 份` : '',
      remark: contract.remark,
    },
    lines,
    totalFormats: {},
    capitalAmount: null,
    notes,
    signatures: {
      createdBy: contract.createdByName,
      approvedBy: approval?.actorName ?? '',
      counterpartySeal: '',
      branchSeal: '',
    },
  };
}
