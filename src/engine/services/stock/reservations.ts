import type Database from 'better-sqlite3';
import { orderLineProgress, unconfirmed } from '../documents/order-execution';
import { positionKey } from '../reports/stock-position';

/**
 * 预留 (DOMAIN.md §5): what approved sales orders still hold back per goods × warehouse — ordered and
 * not yet confirmed out by a keeper. A delivery's draft does not release it; its confirmation does, at
 * the moment the stock leaves. A closed or voided order reserves nothing. `except` leaves one order out
 * (the one being checked).
 */
export function reservedQuantities(
  sqlite: Database.Database,
  except: number | null = null,
): Map<string, number> {
  const reserved = new Map<string, number>();
  for (const line of orderLineProgress(sqlite, 'sales_order', { openOnly: true })) {
    if (line.documentId === except) continue;
    const key = positionKey(line.goodsId, line.warehouseId);
    reserved.set(key, (reserved.get(key) ?? 0) + unconfirmed(line));
  }
  return reserved;
}
