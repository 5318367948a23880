import type { ApiOutput } from '../../../shared/api';

export type QueueEntry = ApiOutput<'warehouse.queue'>[number];
export type DocumentView = ApiOutput<'documents.get'>;
export type DocumentLine = DocumentView['lines'][number];

/**
 * A transfer waits twice (DOMAIN.md §5): shipped by the source's keeper, then received by the
 * destination's. The queue marks the receiving end (its type rule says which documents have one).
 */
export function isTransferArrival(entry: QueueEntry): boolean {
  return entry.arrival;
}

/** The lines of the document the keeper of this entry's warehouse still has to confirm. */
export function linesToConfirm(view: DocumentView, entry: QueueEntry): DocumentLine[] {
  return isTransferArrival(entry)
    ? view.lines.filter(
        (line) =>
          line.toWarehouseId === entry.warehouseId && line.confirmedAt !== null && line.receivedAt === null,
      )
    : view.lines.filter((line) => line.warehouseId === entry.warehouseId && line.confirmedAt === null);
}

/**
 * The actual quantity a line's field starts with, in the line's unit: the document's quantity, or, on
 * arrival of a transfer, what was shipped when it was all of it. A partly shipped line starts empty
 * (the engine then takes what was shipped), as the shipped figure is known only in mixed units.
 */
export function plannedQuantity(line: DocumentLine, arrival: boolean): string | null {
  if (!arrival) return line.quantity;
  return line.confirmedQuantity === line.mixedQuantity ? line.quantity : null;
}
