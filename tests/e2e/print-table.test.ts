import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperOf } from '../../src/engine/domain/printing/paper';
import { printFont } from '../../src/engine/services/printing/print-font';
import { renderPrintTable, type PrintTable } from '../../src/engine/services/printing/print-table';
import { chineseCapitalAmount } from '../../src/shared/numbers/chinese-amount';
import { groupedYuan } from '../../src/shared/numbers/yuan-display';
import { pagesToLookAt, pdfPageSizes, pdfPageText, sumsOnPage } from './support/pdf';

/** 25 lines of a delivery: quantity in 箱 and the amount in fen, each line's goods named apart. */
const lines = Array.from({ length: 25 }, (_, index) => {
  const boxes = (index % 7) + 1;
  const amount = boxes * 4_850 + index * 13;
  return { goods: `商品${String(index + 1).padStart(2, '0')} 纯牛奶 250ml`, boxes, amount };
});
const total = lines.reduce((sum, line) => sum + line.amount, 0);

const delivery: PrintTable = {
  paper: paperOf('triplicate-241x140'),
  margins: { topMm: 6, rightMm: 8, bottomMm: 6, leftMm: 8 },
  title: '北京分公司 销售出库单',
  mark: null,
  minRowMm: null,
  logo: null,
  bodyPt: 9,
  rowsPerPage: null,
  fields: [
    { label: '单号', value: 'XS-20261130-0007' },
    { label: '日期', value: '2026-11-30' },
    { label: '客户', value: '朝阳区便民超市' },
    { label: '仓库', value: '一号库' },
  ],
  fieldsPerRow: 3,
  columns: [
    { label: '行号', widthMm: 14, align: 'right' },
    { label: '商品', widthMm: 90, align: 'left' },
    { label: '数量', widthMm: 35, align: 'right' },
    { label: '金额', widthMm: 40, align: 'right' },
    { label: '备注', widthMm: 46, align: 'left' },
  ],
  lines: lines.map((line, index) => ({
    cells: [String(index + 1), line.goods, `${line.boxes}箱`, groupedYuan(line.amount), ''],
    figures: [line.boxes, line.amount],
  })),
  totals: [
    { column: 2, format: (sum) => `${sum}箱` },
    { column: 3, format: (sum) => groupedYuan(sum) },
  ],
  pageSubtotal: true,
  carry: true,
  closing: [`合计金额（大写）：${chineseCapitalAmount(total)}`],
  signatures: [
    { label: '制单', name: '王信息' },
    { label: '审核', name: '李主管' },
    { label: '仓管', name: '赵仓管' },
  ],
  footer: '打印人：王信息  打印时间：2026-12-03 16:20',
  copies: [],
};

describe('a printed table on 三联 continuous paper, read back from its PDF', () => {
  let folder: string;
  let file: string;
  let pages: number;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-print-'));
    file = path.join(folder, 'delivery.pdf');
    const rendered = await renderPrintTable(delivery, printFont());
    fs.writeFileSync(file, rendered.pdf);
    pages = rendered.pages;
    pagesToLookAt(file);
  });
  afterAll(() =>
    process.env.LEDGER_PRINT_LOOK ? undefined : fs.rmSync(folder, { recursive: true, force: true }),
  );

  it('is 241 × 140 mm on every page, exactly, over more than one page', () => {
    expect(pages).toBeGreaterThan(1);
    expect(pdfPageSizes(file)).toEqual(new Array(pages).fill('683.15 x 396.85'));
  });

  it('repeats the header block and the table header on every page, and numbers the pages', () => {
    for (let page = 1; page <= pages; page += 1) {
      const text = pdfPageText(file, page);
      for (const words of [
        '北京分公司 销售出库单',
        'XS-20261130-0007',
        '朝阳区便民超市',
        '商品',
        '数量',
        '金额',
      ])
        expect(text, `page ${page}`).toContain(words);
      // The footer's small type: pdftotext reads its narrow spaces as none.
      expect(text.replace(/\s+/g, '')).toContain(`第${page}页/共${pages}页`);
    }
  });

  it('prints every line once, in order, and page sums that carry on and add up to the total in figures and 大写', () => {
    const texts = Array.from({ length: pages }, (_, index) => pdfPageText(file, index + 1));
    const printed = texts.join('\n').match(/商品\d\d/g);
    expect(printed).toEqual(lines.map((line) => line.goods.slice(0, 4)));

    let carried = ['0箱', '0.00'];
    let boxes = 0;
    let amount = 0;
    texts.forEach((text, index) => {
      const subtotal = sumsOnPage(text, '本页小计')!;
      boxes += Number(subtotal[0]!.replace('箱', ''));
      amount += Number(subtotal[1]!.replace(/,/g, '')) * 100;
      if (index > 0) expect(sumsOnPage(text, '承前页')).toEqual(carried);
      else expect(sumsOnPage(text, '承前页')).toBeNull();
      if (index < texts.length - 1) {
        carried = sumsOnPage(text, '过次页')!;
        expect(carried).toEqual([`${boxes}箱`, groupedYuan(Math.round(amount))]);
      } else expect(sumsOnPage(text, '过次页')).toBeNull();
    });
    const last = texts.at(-1)!;
    expect(Math.round(amount)).toBe(total);
    expect(sumsOnPage(last, '合计')).toEqual([`${boxes}箱`, groupedYuan(total)]);
    expect(last).toContain(`合计金额（大写）：${chineseCapitalAmount(total)}`);
    expect(last).toContain('仓管：赵仓管');
  });
});
