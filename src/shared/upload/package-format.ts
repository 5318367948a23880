import { z } from 'zod';

/**
 * The upload package (UPLOAD.md "Packages"), as both ends read it. A package is one gzip stream of
 * NDJSON lines: every row line is `{"s":<section>,"p":<period key or null>,"r":{…}}`, grouped by
 * section and period, and the last line is `{"manifest":{…}}`. The manifest comes last so that both
 * ends can stream: the branch writes rows as it reads them, head office applies them as they arrive
 * and checks the totals at the end, inside the transaction it commits only if they match.
 *
 * A section part's sha256 is over the exact bytes of its row lines, each with its '\n'. Quantities
 * are integers in base units × 10^quantityScale, money integers in fen; control totals are their sums
 * as decimal strings (sums of many rows leave the safe-integer range).
 */
export const packageFormatVersion = 1;

/** The gzip stream's media type; head office answers 415 to anything else. */
export const packageMediaType = 'application/x-ndjson';

export const periodKinds = ['day', 'week', 'month'] as const;
export type PeriodKind = (typeof periodKinds)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const digits = z.string().regex(/^-?\d+$/);

/** A period the package carries figures for: key `2026-03`, `2026-W10` or `2026-03-05`, with its days. */
export const periodSchema = z.object({
  kind: z.enum(periodKinds),
  key: z.string().min(1),
  from: isoDate,
  to: isoDate,
});
export type PackagePeriod = z.infer<typeof periodSchema>;

/**
 * One section part: the rows of one section for one period (`period` null for sections that are not
 * per period). A part replaces, at head office, what the branch sent before for the same section and
 * period — so a package can be applied again, or a period re-sent, without doubling anything.
 * `part`/`parts` number the pieces of a part too large for one package (413, UPLOAD.md "Failures"):
 * piece 1 replaces, the following pieces add.
 */
export const sectionPartSchema = z.object({
  section: z.string().min(1),
  period: z.string().nullable(),
  part: z.number().int().min(1),
  parts: z.number().int().min(1),
  rows: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Field name → the sum of that field over the rows, as a decimal string. */
  totals: z.record(z.string(), digits),
});
export type SectionPart = z.infer<typeof sectionPartSchema>;

export const manifestSchema = z.object({
  format: z.literal(packageFormatVersion),
  /** The branch ledger's last applied migration: head office may refuse a shape it does not read. */
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  branchCode: z.string().min(1),
  branchUid: z.string().min(1),
  /** UUIDv7; also the request's Idempotency-Key. */
  packageId: z.string().min(1),
  epoch: z.number().int().min(1),
  seq: z.number().int().min(1),
  /** sha256 of the previous package of the same epoch (null for seq 1): the chain. */
  prevSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** A full snapshot: the first package of an epoch, carrying every period and all master data. */
  snapshot: z.boolean(),
  builtAt: z.string(),
  quantityScale: z.number().int().min(0).max(6),
  periodKind: z.enum(periodKinds),
  periods: z.array(periodSchema),
  sections: z.array(sectionPartSchema),
});
export type PackageManifest = z.infer<typeof manifestSchema>;

/** A row line as written: section name, period key (or null) and the row. */
export interface RowLine {
  s: string;
  p: string | null;
  r: Record<string, unknown>;
}

/**
 * The sections a branch sends, with the fields head office keeps and the fields whose sums are the
 * control totals. Rows of a section that is not per period carry a `uid` and replace, at head office,
 * the row of the same uid. Contracts and channel reports add their sections here and in the branch's section
 * registry; head office stores any section it does not know as raw rows until it learns it.
 */
export const sectionSpecs = {
  /** The branch profile: one row. */
  branch_profile: { perPeriod: false, totalled: [] },
  /** Goods with their units, counterparties with their channel tree, warehouses: as they change. */
  goods: { perPeriod: false, totalled: [] },
  counterparties: { perPeriod: false, totalled: [] },
  warehouses: { perPeriod: false, totalled: [] },
  categories: { perPeriod: false, totalled: [] },
  /** Completed documents with their lines, when the branch's setting sends them. */
  documents: { perPeriod: false, totalled: ['lines', 'amount'] },
  /** Stock on hand per goods × warehouse at the period's end. */
  stock_balances: { perPeriod: true, totalled: ['quantity', 'value'] },
  /** Movements per goods × warehouse × kind within the period. */
  movement_summary: { perPeriod: true, totalled: ['quantity', 'value'] },
  /** Sales and purchases per counterparty × goods within the period (毛利 rules for cost). */
  trade: { perPeriod: true, totalled: ['quantity', 'amount', 'cost'] },
  /** Receivables and payables per counterparty: balance at the period's end, raised and lowered within it. */
  money_balances: { perPeriod: true, totalled: ['balance', 'debit', 'credit'] },
  /** Month closes, and reopenings. */
  month_closes: { perPeriod: false, totalled: [] },
  /** 年度协议 past their draft, with signed volumes, rebate terms and settlements. */
  contracts: { perPeriod: false, totalled: [] },
  /** Per contract in force: net shipments, rebate earned and paid, to the period's end. */
  contract_execution: { perPeriod: true, totalled: ['netAmount', 'earned', 'paid'] },
  /** The offices' channel reports in force whose week or month ends in the period, with net shipments. */
  channel_reports: { perPeriod: true, totalled: ['netShipments'] },
} as const satisfies Record<string, { perPeriod: boolean; totalled: readonly string[] }>;
export type SectionName = keyof typeof sectionSpecs;
