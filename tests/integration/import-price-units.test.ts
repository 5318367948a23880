import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { beijingLedger, callOk } from './support/ledger';

/**
 * A price column that names its unit lands on that unit's price (goods keep a price per unit, DOMAIN.md
 * "Units"): "进价(元/大单位)" of 60 for 纯牛奶 (1 箱 = 24 袋) is 60 元 a 箱, not 60 元 a 袋. Where the file
 * does not say which unit a name like 箱 is, the preview says so and leaves the column to the clerk.
 */

function workbookOf(rows: unknown[][]): string {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), '商品');
  return (XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

const header = ['商品编码', '商品名称', '基本单位', '大单位', '换算率'];

async function unitPrices(headers: string[], prices: number[]) {
  const { engine, adminSession } = await beijingLedger();
  const contentBase64 = workbookOf([
    [...header, ...headers],
    ['SP001', '纯牛奶', '袋', '箱', 24, ...prices],
  ]);
  const input = { entity: 'goods' as const, fileName: '商品.xlsx', contentBase64 };
  const preview = await callOk(engine, 'import.preview', input, adminSession);
  const outcome = await callOk(engine, 'import.commit', input, adminSession);
  expect(outcome).toMatchObject({ status: 'committed', created: 1 });
  const { rows } = await callOk(engine, 'goods.list', {}, adminSession);
  const goods = await callOk(engine, 'goods.get', { id: rows[0]!.id }, adminSession);
  return { preview, units: goods.units.map((unit) => [unit.name, unit.purchasePrice, unit.salePrice]) };
}

describe('price columns that name their unit', () => {
  it('puts 进价(元/大单位) on the 大单位, and a plain 进价 on the base unit', async () => {
    const { preview, units } = await unitPrices(['进价', '进价(元/大单位)'], [2.5, 60]);
    expect(preview.mapping).toMatchObject({ basePurchasePrice: 5, unit2PurchasePrice: 6 });
    expect(preview.mappingWarnings).toEqual([]);
    expect(units).toEqual([
      ['箱', '60.00', null],
      ['袋', '2.50', null],
    ]);
  });

  it('puts 批发价(元/箱) on 箱 when 箱 is every row’s 大单位, and 单价/件 nowhere it cannot tell', async () => {
    const { preview, units } = await unitPrices(['批发价(元/箱)', '单价/件'], [72, 1]);
    expect(preview.mapping).toMatchObject({
      unit2SalePrice: 5,
      basePurchasePrice: null,
      unit2PurchasePrice: null,
    });
    expect(preview.mappingWarnings).toEqual([
      '【单价/件】是按【件】计的价格，但文件中【件】不都是同一级单位（或没有这个单位），未自动对应：请在对应关系中选择它是哪个单位的价格。',
    ]);
    expect(units).toEqual([
      ['箱', null, '72.00'],
      ['袋', null, null],
    ]);
  });

  it('puts 单价/袋 on the base unit when 袋 is the base unit', async () => {
    const { units } = await unitPrices(['单价/袋'], [2.4]);
    expect(units).toEqual([
      ['箱', null, null],
      ['袋', '2.40', null],
    ]);
  });
});
