import path from 'node:path';
import { execFileSync } from 'node:child_process';

// Printed PDFs read back with poppler, a second reader (TESTING.md): Debian's poppler-utils, which the
// browser tests need as they need Chromium.

/** One page's text, laid out as on paper. */
export const pdfPageText = (file: string, page: number): string =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  });

/** Every page's size in points, as pdfinfo gives it ("683.15 x 396.85"). */
export const pdfPageSizes = (file: string): string[] =>
  [
    ...execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' }).matchAll(
      /Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/g,
    ),
  ].map((match) => match[1]!);

/** A row of sums on a printed page, by its caption (承前页, 本页小计 …): the figures after it, or null. */
export const sumsOnPage = (text: string, caption: string): string[] | null =>
  text
    .split('\n')
    .find((line) => line.trimStart().startsWith(caption))
    ?.trim()
    .split(/\s+/)
    .slice(1) ?? null;

/**
 * Pages as images, for a person to look at, where LEDGER_PRINT_LOOK names a file prefix: `prefix-delivery-1.png`
 * for page 1 of delivery.pdf.
 */
export function pagesToLookAt(file: string): void {
  const prefix = process.env.LEDGER_PRINT_LOOK;
  if (prefix) {
    execFileSync('pdftoppm', ['-r', '80', '-png', file, `${prefix}-${path.basename(file, '.pdf')}`]);
  }
}

/** Where the first word that begins with `word` is on a page, in points from the top left corner, as poppler places it. */
export function wordPosition(file: string, page: number, word: string): { x: number; y: number } | null {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], {
    encoding: 'utf8',
  });
  const match = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${word}[^<]*</word>`).exec(html);
  return match ? { x: Number(match[1]), y: Number(match[2]) } : null;
}
