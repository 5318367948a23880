import { LedgerError } from '../ledger-error';
import { toHalfWidth } from '../text/half-width';
import { numberToScaled, parseScaled } from './decimal';

/**
 * A decimal as a clerk types it into a cell or an API caller sends it as text: one reading for the
 * document page and the engine's schemas, so a figure the page totals is one the engine stores.
 * - full-width digits and signs (a Chinese input method's "１，０００．５") read as their ASCII forms;
 * - white space anywhere is ignored, and so are a ¥ before the digits and a % after them;
 * - thousands separators are read when they group by three from the point ("1,000", "12,345.67") and
 *   refused otherwise ("1,00", "1000,000", "1.000,5"), since a misplaced comma is a slipped digit more
 *   often than a figure: a wrong quantity posted is worse than a cell to type again.
 */

export type DecimalInputProblem = 'not_a_number' | 'misgrouped' | 'too_large';

export type DecimalInputReading =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly problem: DecimalInputProblem };

export type DecimalInputText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: DecimalInputProblem };

const grammar = /^([+-]?)[¥￥]?([\d,]*)(?:\.(\d*))?%?$/;
const groupedByThree = /^\d{1,3}(?:,\d{3})+$/;

/** The digits the text says, as plain decimal text ("1,000.50" → "1000.50", "-¥5" → "-5"), or why not. */
export function decimalInputText(typed: string): DecimalInputText {
  const text = toHalfWidth(typed).replace(/\s/g, '');
  const match = grammar.exec(text);
  if (!match) return { ok: false, problem: 'not_a_number' };
  const [, sign = '', whole = '', fraction] = match;
  if (!/\d/.test(whole) && !fraction) return { ok: false, problem: 'not_a_number' };
  if (whole.includes(',') && !groupedByThree.test(whole)) return { ok: false, problem: 'misgrouped' };
  const digits = whole.replace(/,/g, '');
  return { ok: true, text: `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}` };
}

/**
 * The typed decimal (or a JSON number, as an API caller may send one) as an integer scaled by 10^scale,
 * rounded half away from zero beyond it (四舍五入).
 */
export function readDecimalInput(typed: string | number, scale: number): DecimalInputReading {
  if (typeof typed === 'number') {
    if (!Number.isFinite(typed)) return { ok: false, problem: 'not_a_number' };
    return scaledOrTooLarge(numberToScaled(typed, scale));
  }
  const plain = decimalInputText(typed);
  return plain.ok ? scaledOrTooLarge(parseScaled(plain.text, scale)) : plain;
}

function scaledOrTooLarge(value: number | null): DecimalInputReading {
  return value === null ? { ok: false, problem: 'too_large' } : { ok: true, value };
}

const reasons: Readonly<Record<DecimalInputProblem, string>> = {
  not_a_number: '不是有效的数字',
  misgrouped: '的千分位逗号位置不对：应从小数点起每三位一个，如 1,000 或 12,345.67',
  too_large: '超出可精确计算的范围',
};

/** Why the text is refused, written to follow it: "“1,00”" + "的千分位逗号位置不对…" (an import's cell). */
export function decimalInputReason(problem: DecimalInputProblem): string {
  return reasons[problem];
}

/** What the clerk is told, on the cell in the page and in the engine's refusal alike. */
export function decimalInputMessage(label: string, typed: string, problem: DecimalInputProblem): string {
  return `${label}【${typed}】${reasons[problem]}`;
}

/** The typed decimal, or a refusal that names the field. */
export function requireDecimalInput(typed: string, scale: number, label: string): number {
  const reading = readDecimalInput(typed, scale);
  if (!reading.ok) throw new LedgerError('VALIDATION', decimalInputMessage(label, typed, reading.problem));
  return reading.value;
}
