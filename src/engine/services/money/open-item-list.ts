import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import {
  documentTypeRule,
  type DocumentType,
  type MoneySide,
} from '../../../shared/documents/document-types';
import { assertReachesCounterpartyRaw, counterpartyInReach } from '../access/customer-scope';
import type { Actor } from '../context';
import { moneyText } from '../reports/report-figures';

interface ItemRow {
  id: number;
  document_id: number | null;
  number: string | null;
  type: DocumentType | null;
  line_id: number | null;
  line_no: number | null;
  goods_name: string | null;
  business_date: string;
  due_date: string;
  amount: number;
  settled: number;
}

/**
 * A counterparty's items still open on one side, oldest first, as the 核销 page lists them: each with
 * its document (none for the opening balance) and, for goods documents, its line — so money can be
 * settled against whole documents or single goods lines.
 */
export function openItemList(
  sqlite: Database.Database,
  actor: Actor,
  input: { counterpartyId: number; side: MoneySide; includeSettled?: boolean | undefined },
) {
  assertReachesCounterpartyRaw(sqlite, actor, input.counterpartyId);
  const rows = prepared(
    sqlite,
    'SELECT i.id, i.document_id, d.number, d.type, i.line_id, l.line_no, g.name AS goods_name, i.business_date, ' +
      'i.due_date, i.amount, i.settled FROM open_items i LEFT JOIN documents d ON d.id = i.document_id ' +
      'LEFT JOIN document_lines l ON l.id = i.line_id LEFT JOIN goods g ON g.id = l.goods_id ' +
      'WHERE i.counterparty_id = ? AND i.side = ? AND (? = 1 OR i.settled <> i.amount) ' +
      'ORDER BY i.due_date, i.business_date, i.id',
  ).all(input.counterpartyId, input.side, input.includeSettled ? 1 : 0) as ItemRow[];
  return rows.map((row) => ({
    id: row.id,
    documentId: row.document_id,
    /** Null for the opening balance (期初), which has no document. */
    documentType: row.type,
    documentNumber: row.number ?? '期初余额',
    typeLabel: row.type === null ? '期初' : documentTypeRule(row.type).label,
    lineNo: row.line_no,
    goodsName: row.goods_name,
    businessDate: row.business_date,
    dueDate: row.due_date,
    /** Raises the balance (to be settled) or lowers it (settles others). */
    direction: row.amount > 0 ? ('debit' as const) : ('credit' as const),
    amount: moneyText(Math.abs(row.amount)),
    settled: moneyText(Math.abs(row.settled)),
    open: moneyText(Math.abs(row.amount - row.settled)),
  }));
}

/** An item as the settlement history names it: its document, and for a goods line the line and goods. */
const itemLabel = (document: string, line: string, goods: string) =>
  `coalesce(${document}.number, '期初余额') || coalesce(' 第' || ${line}.line_no || '行 ' || ${goods}.name, '')`;

interface SettlementRow {
  batch_uid: string;
  settled_on: string;
  created_at: string;
  created_by_name: string;
  reversed_at: string | null;
  reversed_by_name: string | null;
  amount: number;
  debit: string;
  credit: string;
}

/**
 * The settling actions of a counterparty, newest first, for 反核销: what each matched against what, down
 * to the goods line where a line was settled.
 */
export function settlementList(
  sqlite: Database.Database,
  actor: Actor,
  input: { counterpartyId: number; side: MoneySide },
) {
  assertReachesCounterpartyRaw(sqlite, actor, input.counterpartyId);
  const rows = prepared(
    sqlite,
    'SELECT s.batch_uid, s.settled_on, s.created_at, s.created_by_name, s.reversed_at, s.reversed_by_name, s.amount, ' +
      `${itemLabel('dd', 'dl', 'dg')} AS debit, ${itemLabel('cd', 'cl', 'cg')} AS credit FROM settlements s ` +
      'JOIN open_items di ON di.id = s.debit_item_id LEFT JOIN documents dd ON dd.id = di.document_id ' +
      'LEFT JOIN document_lines dl ON dl.id = di.line_id LEFT JOIN goods dg ON dg.id = dl.goods_id ' +
      'JOIN open_items ci ON ci.id = s.credit_item_id LEFT JOIN documents cd ON cd.id = ci.document_id ' +
      'LEFT JOIN document_lines cl ON cl.id = ci.line_id LEFT JOIN goods cg ON cg.id = cl.goods_id ' +
      'WHERE s.counterparty_id = ? AND s.side = ? ORDER BY s.id DESC',
  ).all(input.counterpartyId, input.side) as SettlementRow[];
  const batches = new Map<
    string,
    { first: SettlementRow; amount: number; debits: Set<string>; credits: Set<string> }
  >();
  for (const row of rows) {
    const batch = batches.get(row.batch_uid) ?? {
      first: row,
      amount: 0,
      debits: new Set(),
      credits: new Set(),
    };
    batch.amount += row.amount;
    batch.debits.add(row.debit);
    batch.credits.add(row.credit);
    batches.set(row.batch_uid, batch);
  }
  return [...batches.values()].map(({ first, amount, debits, credits }) => ({
    batchUid: first.batch_uid,
    settledOn: first.settled_on,
    createdAt: first.created_at,
    createdByName: first.created_by_name,
    reversedAt: first.reversed_at,
    reversedByName: first.reversed_by_name,
    amount: moneyText(amount),
    // The rows were read newest first: reversed, they are in the order they were matched.
    debitDocuments: [...debits].reverse(),
    creditDocuments: [...credits].reverse(),
  }));
}

/**
 * 往来余额: each counterparty with a balance or anything open on one side — the balance (DOMAIN.md §7),
 * what is open to collect or pay, and the prepayment waiting to be settled; customers only within the
 * caller's customer scope (customer-scope.ts).
 */
export function moneyBalances(
  sqlite: Database.Database,
  actor: Actor,
  input: { side: MoneySide; search?: string | undefined },
) {
  const like = input.search?.trim() ? `%${input.search.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const rows = prepared(
    sqlite,
    'SELECT c.id, c.code, c.name, c.credit_limit, sum(i.amount) AS balance, ' +
      'sum(CASE WHEN i.amount > 0 THEN i.amount - i.settled ELSE 0 END) AS open_debit, ' +
      'sum(CASE WHEN i.amount < 0 THEN i.settled - i.amount ELSE 0 END) AS prepayment ' +
      'FROM open_items i JOIN counterparties c ON c.id = i.counterparty_id WHERE i.side = ? ' +
      "AND (? IS NULL OR c.name LIKE ? ESCAPE '\\' OR c.code LIKE ? ESCAPE '\\') " +
      `AND ${counterpartyInReach(actor.customerReach, 'c')} ` +
      'GROUP BY c.id HAVING balance <> 0 OR open_debit <> 0 OR prepayment <> 0 ORDER BY c.code',
  ).all(input.side, like, like, like) as {
    id: number;
    code: string;
    name: string;
    credit_limit: number | null;
    balance: number;
    open_debit: number;
    prepayment: number;
  }[];
  return rows.map((row) => ({
    counterpartyId: row.id,
    code: row.code,
    name: row.name,
    balance: moneyText(row.balance),
    open: moneyText(row.open_debit),
    prepayment: moneyText(row.prepayment),
    creditLimit: row.credit_limit === null ? null : moneyText(row.credit_limit),
  }));
}
