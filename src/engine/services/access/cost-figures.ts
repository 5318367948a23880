import type { DocumentType } from '../../../shared/documents/document-types';
import { actorMay, type Actor } from '../context';

/**
 * Cost figures — unit cost, stock value, cost of goods sold and what follows from it (gross profit),
 * and purchase prices — reach only roles holding `cost.view` (DOMAIN.md §1). Every output that carries
 * one marks it here, where the output is shaped: the builder knows that its `value` is stock value,
 * which a dispatcher guessing by key names could not (a `value` elsewhere is something else), and a
 * figure the builder marks is typed nullable, so the page that shows it must handle its absence. For a
 * role without the right the figure is null: hidden by the engine, not by the page. Files drop the
 * columns marked as cost altogether (ReportColumn.cost, ExportColumn.cost).
 */
export function seesCost(actor: Actor): boolean {
  return actorMay(actor, 'cost.view');
}

/** One cost figure as the actor may read it: the figure, or null. */
export function costFigure<Figure>(actor: Actor, figure: Figure): Figure | null {
  return seesCost(actor) ? figure : null;
}

/** A record with its cost figures `Key` possibly hidden. */
export type WithCostHidden<Shape, Key extends keyof Shape> = Omit<Shape, Key> & {
  [K in Key]: Shape[K] | null;
};

/** A record whose figures `keys` are cost figures: as it is, or with them null. */
export function costFigures<Shape extends object, Key extends keyof Shape>(
  actor: Actor,
  record: Shape,
  keys: readonly Key[],
): WithCostHidden<Shape, Key> {
  if (seesCost(actor)) return record;
  const hidden: Record<PropertyKey, unknown> = { ...(record as Record<PropertyKey, unknown>) };
  for (const key of keys) hidden[key] = null;
  return hidden as WithCostHidden<Shape, Key>;
}

/**
 * The documents whose prices and amounts are what stock cost: purchases and everything priced at cost
 * (opening stock, gains and losses, other receipts and issues, cost adjustments, transfers). Sales
 * documents carry sales prices, which a salesperson quotes; money documents carry money owed
 * (money.view), neither of them cost.
 */
const notCostPriced: ReadonlySet<DocumentType> = new Set<DocumentType>([
  'sales_order',
  'sales_delivery',
  'sales_return',
  'internal_transfer_out',
  'customer_receipt',
  'supplier_payment',
  'customer_rebate',
  'supplier_rebate',
]);

export function pricedAtCost(type: DocumentType): boolean {
  return !notCostPriced.has(type);
}
