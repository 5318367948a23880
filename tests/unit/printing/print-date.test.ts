import { describe, expect, it } from 'vitest';
import { formatPrintDate } from '../../../src/engine/domain/printing/print-date';

describe('a date as the branch prints it', () => {
  it.each([
    ['yyyy-MM-dd', '2026-01-05'],
    ['yyyy年M月d日', '2026年1月5日'],
    ['yyyy/MM/dd', '2026/01/05'],
    ['yyyy.MM.dd', '2026.01.05'],
  ] as const)('%s', (format, printed) => {
    expect(formatPrintDate('2026-01-05', format)).toBe(printed);
  });

  it('keeps the time of a local time, and leaves what is not a date as it is', () => {
    expect(formatPrintDate('2026-11-20 14:05', 'yyyy年M月d日')).toBe('2026年11月20日 14:05');
    expect(formatPrintDate('', 'yyyy/MM/dd')).toBe('');
    expect(formatPrintDate('次月 5 日', 'yyyy/MM/dd')).toBe('次月 5 日');
  });
});
