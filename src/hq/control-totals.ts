/**
 * Control totals as the package format defines them: the sums of integer fields (quantities in base units
 * × 10^quantityScale, money in fen) as decimal strings. Summed with BigInt: the sum of many rows leaves
 * the safe-integer range long before a row does.
 */

const int64Max = 2n ** 63n - 1n;
const int64Min = -(2n ** 63n);

/** A row's figure: a safe integer or a decimal string of one, within what a BIGINT column holds; else null. */
export function integerFigure(value: unknown): bigint | null {
  let figure: bigint;
  if (typeof value === 'number' && Number.isSafeInteger(value)) figure = BigInt(value);
  else if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) figure = BigInt(value);
  else return null;
  return figure >= int64Min && figure <= int64Max ? figure : null;
}

/** Sums every integer field of the rows it is given, and counts the rows where each field was one. */
export class FigureSums {
  private readonly sums = new Map<string, bigint>();
  private readonly counted = new Map<string, number>();
  private rows = 0;

  add(row: Record<string, unknown>): void {
    this.rows += 1;
    for (const [field, value] of Object.entries(row)) {
      const figure = integerFigure(value);
      if (figure === null) continue;
      this.sums.set(field, (this.sums.get(field) ?? 0n) + figure);
      this.counted.set(field, (this.counted.get(field) ?? 0) + 1);
    }
  }

  /** The field's total, or null when some row lacks it or holds something other than an integer. */
  total(field: string): string | null {
    if (this.rows === 0) return '0';
    return this.counted.get(field) === this.rows ? String(this.sums.get(field) ?? 0n) : null;
  }
}
