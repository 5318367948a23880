import { describe, expect, test } from 'vitest';
import { groupProblems, rowRanges } from '../../../src/app/components/import/problemGroups';

describe('the import preview groups the same problem over many rows', () => {
  test('one line per level, column and message, errors first, rows in order', () => {
    const missing = { column: '商品类别', message: '商品类别【饮料/植物蛋白】不存在，将新建' };
    const ratio = { column: '换算率', message: '换算率应为数字：二十四' };
    const groups = groupProblems([
      { row: 29, level: 'warning', problem: missing },
      { row: 28, level: 'warning', problem: missing },
      { row: 8, level: 'error', problem: ratio },
    ]);
    expect(groups).toEqual([
      { level: 'error', ...ratio, rows: [8] },
      { level: 'warning', ...missing, rows: [28, 29] },
    ]);
  });

  test('rows read as runs and lists', () => {
    expect(rowRanges([8], '、')).toBe('8');
    expect(rowRanges([28, 29], '、')).toBe('28、29');
    expect(rowRanges([5, 6, 7, 8, 9, 12], '、')).toBe('5–9、12');
    expect(rowRanges([3, 5, 6, 7, 20, 21], ', ')).toBe('3, 5–7, 20, 21');
  });
});
