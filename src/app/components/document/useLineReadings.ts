import { useMemo } from 'react';
import type { LineDraft } from './documentDraft';
import type { DocumentType } from './documentTypes';
import { readLine, totalsOfReadings, type LineReading, type LineReadings } from './lineFigures';

/** The last reading of each line object: a line is replaced whenever it changes, so it is read again. */
const lastReadings = new WeakMap<LineDraft, { context: string; reading: LineReading }>();

function readLineOnce(
  line: LineDraft,
  type: DocumentType,
  quantityDecimals: number,
  includesTax: boolean,
): LineReading {
  const context = `${type}|${quantityDecimals}|${includesTax}`;
  const last = lastReadings.get(line);
  if (last?.context === context) return last.reading;
  const reading = readLine(line, type, quantityDecimals, includesTax);
  lastReadings.set(line, { context, reading });
  return reading;
}

/**
 * Each line read once per change (lineFigures.ts: the shared arithmetic): a line the clerk did not
 * touch keeps its reading, and the grid's cells and the totals use the same one.
 */
export function useLineReadings(
  lines: readonly LineDraft[],
  type: DocumentType,
  quantityDecimals: number,
  includesTax: boolean,
) {
  return useMemo(() => {
    const readings: LineReadings = new Map(
      lines.map((line) => [line.key, readLineOnce(line, type, quantityDecimals, includesTax)] as const),
    );
    return { readings, totals: totalsOfReadings(lines, readings, type, quantityDecimals) };
  }, [lines, type, quantityDecimals, includesTax]);
}
