/**
 * 人民币大写 of the live total (DOMAIN.md §3), by the writing rules the engine prints with
 * (《支付结算办法》附件一): one 零 for a run of zeros inside the yuan, 零 after 元 before a 角 or a
 * lone 分, 整 when there is no 分, 壹拾 never a bare 拾. The renderer may not import the engine, so
 * the page writes the figure it is still typing itself; a saved document shows the engine's
 * `totalInCapitals`, which reads the same.
 */
const digits = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const placesInGroup = ['', '拾', '佰', '仟'] as const;
const wan = 10_000n;
const yi = 100_000_000n;

export function chineseCapitals(fen: bigint): string {
  const negative = fen < 0n;
  const magnitude = negative ? -fen : fen;
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

/** A positive integer of yuan: 亿 above 万 above a four-digit group, each level split again. */
function capitalInteger(value: bigint): string {
  if (value >= yi) return joinLevels(value / yi, '亿', value % yi, yi / 10n);
  if (value >= wan) return joinLevels(value / wan, '万', value % wan, wan / 10n);
  return capitalGroup(Number(value));
}

function joinLevels(high: bigint, unit: string, low: bigint, lowLeadingPlace: bigint): string {
  const head = `${capitalInteger(high)}${unit}`;
  if (low === 0n) return head;
  return `${head}${low < lowLeadingPlace ? '零' : ''}${capitalInteger(low)}`;
}

/** 1–9999: each non-zero digit with its place, one 零 for zeros between them, none trailing. */
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
