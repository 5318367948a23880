import { describe, expect, test } from 'vitest';
import { pinyinMatches, pinyinSearch } from '../../../src/app/components/form/pinyinMatches';

describe('short lists searched as the master-data pickers are', () => {
  test('by the text, its pinyin initials and its full pinyin', () => {
    expect(pinyinMatches(['采购入库单'], 'cgrk')).toBe(true);
    expect(pinyinMatches(['采购入库单'], 'caigou')).toBe(true);
    expect(pinyinMatches(['采购入库单'], '入库')).toBe(true);
    expect(pinyinMatches(['采购入库单'], 'xs')).toBe(false);
    expect(pinyinMatches(['月结'], ' YJ ')).toBe(true);
  });

  test('a warehouse by its code as well as its name; a role by its name', () => {
    const warehouse = { value: 1, label: '一号仓', code: 'CK01' };
    expect(pinyinSearch.filterOption('ck01', warehouse)).toBe(true);
    expect(pinyinSearch.filterOption('yhc', warehouse)).toBe(true);
    expect(pinyinSearch.filterOption('ehc', warehouse)).toBe(false);
    expect(pinyinSearch.filterOption('cgy', { label: '仓管员' })).toBe(true);
  });
});
