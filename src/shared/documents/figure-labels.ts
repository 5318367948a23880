/**
 * What a document's typed figures are called when one is refused: the engine's schema names the field
 * so, and the document page says the same on the cell before anything is sent.
 */
export const figureLabels = {
  quantity: '数量',
  unitPrice: '单价',
  discountRate: '折扣率',
  taxRate: '税率',
  adjustmentAmount: '调整金额',
  amount: '金额',
} as const;

export type TypedFigure = keyof typeof figureLabels;
