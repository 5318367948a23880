import type { CSSProperties, ReactNode } from 'react';
import { groupThousands } from '../../../shared/numbers/yuan-display';
import type { FigureKind } from './reportConfig';

/** Digits line up in a column of figures. */
export const figureStyle: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

/** Zero, whatever its decimals or unit: "0", "-0.00", "0.00%". */
export function isZero(text: string): boolean {
  return /^-?0*(\.0*)?%?$/.test(text);
}

/** A report figure as the page shows it: grouped, negative in red, zero left out where asked. */
export function Figure({
  value,
  kind,
  blankZero = false,
  signed = false,
}: {
  value: string | number | null | undefined;
  kind: FigureKind;
  blankZero?: boolean;
  signed?: boolean;
}): ReactNode {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value);
  if (blankZero && isZero(text)) return null;
  const shown = kind === 'money' || kind === 'quantity' || kind === 'unitCost' ? groupThousands(text) : text;
  const negative = !signed && text.startsWith('-') && !isZero(text);
  return <span style={negative ? { ...figureStyle, color: '#cf1322' } : figureStyle}>{shown}</span>;
}
