import { formatScaled } from './decimal';
import { fenScale } from './scales';

/** Fen as people read money in a message (DOMAIN.md §3): 1234567 → "¥12,345.67", −500 → "-¥5.00". */
export function yuanDisplay(fen: number): string {
  const [whole, cents] = formatScaled(Math.abs(fen), fenScale, 2).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${grouped}.${cents}`;
}
