import dayjs from 'dayjs';
import type { ApiOutput } from '../../../shared/api';
import { blankLine, discountText, priceText, type HeaderValues, type LineDraft } from './documentDraft';
import type { DocumentView } from './documentTypes';

export type OrderDraft = ApiOutput<'documents.fromOrder'>;

/**
 * 下推 (DOMAIN.md §5): the receipt or delivery `documents.fromOrder` drafted from an order, as the page
 * edits it — every outstanding line, linked to its order line, with the order's terms (price with or
 * without tax as agreed, 折扣率), for the clerk to take in part, pick lots and save. The order itself gives
 * the goods' names and the counterparty's, which the draft names only by id.
 */
export function documentFromOrder(
  draft: OrderDraft,
  order: DocumentView,
): { header: HeaderValues; lines: LineDraft[]; sourceDocumentId: number | null } {
  const includesTax = draft.lines.some((line) => line.priceIncludesTax);
  const lines = draft.lines.map((line): LineDraft => {
    const ordered = order.lines.find((candidate) => candidate.id === line.sourceLineId);
    return {
      ...blankLine(),
      goodsId: line.goodsId,
      goodsCode: ordered?.goodsCode ?? '',
      goodsName: ordered?.goodsName ?? '',
      goodsSpec: ordered?.goodsSpec ?? '',
      lotTracked: ordered?.lotTracked ?? false,
      unitName: line.unitName,
      quantity: line.quantity,
      unitPrice: priceText(line.unitPrice),
      priceTyped: true,
      discountRate: discountText(line.discountRate),
      taxRate: line.taxRate,
      // A line in the header's warehouse follows the header, as a saved document's does.
      warehouseId: line.warehouseId === draft.warehouseId ? null : line.warehouseId,
      isGift: line.isGift,
      remark: line.remark,
      sourceLineId: line.sourceLineId,
    };
  });
  return {
    header: {
      businessDate: dayjs(draft.businessDate),
      counterpartyId: draft.counterpartyId,
      counterpartyLabel: order.counterpartyName,
      warehouseId: draft.warehouseId,
      toWarehouseId: null,
      remark: draft.remark,
      priceIncludesTax: includesTax,
      amount: '',
      officeId: draft.officeId,
      handlerId: draft.handlerId,
    },
    lines,
    sourceDocumentId: draft.sourceDocumentId,
  };
}
