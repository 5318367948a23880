import { LedgerError } from '../ledger-error';
import type { Fen } from './scales';

/**
 * 人民币大写 as printed on documents (DOMAIN.md §3), following the writing rules of 《支付结算办法》
 * (附件一 正确填写票据和结算凭证的基本规定):
 * - a run of zeros inside the yuan part is one 零 ("壹佰零伍元", "壹拾万零壹拾元"); a zero 万 place
 *   followed by a non-zero 仟 takes none ("壹拾万柒仟元") — the rules allow either, this is the first
 *   form of their own example ¥107,000.53 = 壹拾万柒仟元零伍角叁分;
 * - a zero 元 place before a non-zero 角, and a zero 角 before a non-zero 分, take 零 after 元;
 * - 整 closes an amount with no 分 ("壹佰元整", "壹角整");
 * - 10 at the head is 壹拾, never a bare 拾.
 * Computed on BigInt digits, so every safe integer of fen (up to ¥90,071,992,547,409.91) prints exactly.
 */
export function chineseCapitalAmount(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) {
    throw new LedgerError('VALIDATION', `金额【${fen}】不是可精确计算的分值，无法写成大写。`);
  }
  const negative = fen < 0;
  const magnitude = BigInt(Math.abs(fen));
  if (magnitude === 0n) return '零元整';
  const yuan = magnitude / 100n;
  const jiao = Number((magnitude / 10n) % 10n);
  const cents = Number(magnitude % 10n);

  let text = yuan > 0n ? `${capitalInteger(yuan)}元` : '';
  if (jiao > 0) {
    if (yuan % 10n === 0n && yuan > 0n) text += '零';
    text += `${digits[jiao]}角`;
  } else if (cents > 0 && yuan > 0n) {
    text += '零';
  }
  text += cents > 0 ? `${digits[cents]}分` : '整';
  return `${negative ? '负' : ''}${text}`;
}

const digits = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const placesInGroup = ['', '拾', '佰', '仟'] as const;

const wan = 10_000n;
const yi = 100_000_000n;

/** A positive integer of yuan: 亿 above 万 above a four-digit group, each level split recursively. */
function capitalInteger(value: bigint): string {
  if (value >= yi) return joinLevels(value / yi, '亿', value % yi, yi / 10n);
  if (value >= wan) return joinLevels(value / wan, '万', value % wan, wan / 10n);
  return capitalGroup(Number(value));
}

/** `high`+unit, then `low`, with one 零 when `low` is non-zero but its leading place is empty. */
function joinLevels(high: bigint, unit: string, low: bigint, lowLeadingPlace: bigint): string {
  const head = `${capitalInteger(high)}${unit}`;
  if (low === 0n) return head;
  return `${head}${low < lowLeadingPlace ? '零' : ''}${capitalInteger(low)}`;
}

/** 1–9999: each non-zero digit with its place, one 零 for any zeros between them, none trailing. */
function capitalGroup(value: number): string {
  let text = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(value / 10 ** place) % 10;
    if (digit === 0) {
      pendingZero = text !== '';
      continue;
    }
    text += `${pendingZero ? '零' : ''}${digits[digit]}${placesInGroup[place]}`;
    pendingZero = false;
  }
  return text;
}
