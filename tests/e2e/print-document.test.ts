import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import defaultTemplate from '../../resources/print-templates/document.json';
import { chineseCapitalAmount } from '../../src/shared/numbers/chinese-amount';
import { runCli } from '../integration/support/cli';
import { generateDemo } from '../../src/engine/services/demo/generate-demo';
import { documentTypeRule, type DocumentType } from '../../src/shared/documents/document-types';
import { openLedger, tempFolder } from '../integration/support/ledger';
import { callOk, signIn } from '../integration/support/ledger';
import type { Engine } from '../../src/engine';
import type { ApiInput } from '../../src/shared/api';
import {
  act,
  deliverMilk,
  enterAndApprove,
  post,
  refused,
  stockLedger,
  type StockWorld,
} from '../integration/support/stock';
import { createAccount } from '../integration/support/users';
import { pagesToLookAt, pdfPageSizes, pdfPageText, sumsOnPage, wordPosition } from './support/pdf';

/** 鲜牛奶 received into 一号仓 on 2026-01-05, in 箱 at a price a 箱. */
const receiveMilk = (engine: Engine, world: StockWorld, boxes: string, unitPrice: string) =>
  post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-01-05',
    counterpartyId: world.supplier,
    lines: [
      { goodsId: world.milk, warehouseId: world.warehouse1, unitName: '箱', quantity: boxes, unitPrice },
    ],
  });

/** 赵仓管, a warehouse keeper (仓库打印, no 成本查看), signed in. */
async function signedInKeeper(engine: Engine, adminSession: string): Promise<string> {
  await createAccount(engine, adminSession, {
    username: 'keeper',
    displayName: '赵仓管',
    role: 'keeper',
    password: 'Keeper#2026',
  });
  return signIn(engine, 'keeper', 'Keeper#2026');
}

describe('ledger print: a 25-line delivery on 三联 241 × 140 mm, as the warehouse keeper prints it', () => {
  let folder: string;
  let databasePath: string;
  let number: string;
  let totalWithTax: number;
  let engineOf: Awaited<ReturnType<typeof stockLedger>>;

  // stockLedger() cleans up after the test it is made in: the first test makes the ledger, the last
  // reuses its file (tests in a file run in order).
  async function setUp() {
    engineOf = await stockLedger();
    ({ folder, databasePath } = engineOf);
    const { engine, world } = engineOf;
    await receiveMilk(engine, world, '500', '48');
    // 25 lines in 袋: 29 袋 is 1箱5袋, 53 袋 2箱5袋 …
    const id = await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-01-20',
      counterpartyId: world.customer,
      lines: Array.from({ length: 25 }, (_, index) => ({
        goodsId: world.milk,
        warehouseId: world.warehouse1,
        unitName: '袋',
        quantity: String(24 * ((index % 4) + 1) + 5),
        unitPrice: '3.5',
      })),
    });
    const view = await act(engine, 'documents.get', { id });
    number = view.number;
    totalWithTax = Math.round(Number(view.totalWithTax) * 100);
  }

  it('writes the PDF the preview shows: every page exactly 241 × 140 mm, headers repeated, sums that add up', async () => {
    await setUp();
    engineOf.engine.close();
    const file = path.join(folder, 'delivery.pdf');
    const run = await runCli(databasePath, ['print', number, '--to', file]);
    expect(run.exitCode, run.stderr).toBe(0);
    const { pages } = JSON.parse(run.stdout) as { pages: number };
    expect(pages).toBeGreaterThan(1);
    expect(pdfPageSizes(file)).toEqual(new Array(pages).fill('683.15 x 396.85'));
    pagesToLookAt(file);

    const texts = Array.from({ length: pages }, (_, index) => pdfPageText(file, index + 1));
    texts.forEach((text, index) => {
      for (const words of ['销售出库单', number, '华联超市', '一号仓', '商品名称', '数量', '价税合计'])
        expect(text, `page ${index + 1}`).toContain(words);
      expect(text.replace(/\s+/g, '')).toContain(`第${index + 1}页/共${pages}页`);
    });
    const all = texts.join('\n');
    expect(all.match(/鲜牛奶/g)).toHaveLength(25);
    expect(all).toContain('1箱5袋');
    expect(all).toContain('4箱5袋');
    // Page sums: quantities in base 袋, amounts with tax; each page's carry is the sum of those before.
    let bags = 0;
    let fen = 0;
    texts.forEach((text, index) => {
      const [pageBags, pageYuan] = sumsOnPage(text, '本页小计')!;
      if (index > 0)
        expect(sumsOnPage(text, '承前页')).toEqual([
          String(bags),
          (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }),
        ]);
      bags += Number(pageBags);
      fen += Math.round(Number(pageYuan!.replace(/,/g, '')) * 100);
      if (index < texts.length - 1) expect(sumsOnPage(text, '过次页')![0]).toBe(String(bags));
    });
    expect(fen).toBe(totalWithTax);
    expect(bags).toBe(
      Array.from({ length: 25 }, (_, index) => 24 * ((index % 4) + 1) + 5).reduce((a, b) => a + b),
    );
    expect(texts.at(-1)).toContain(`合计金额（大写）：${chineseCapitalAmount(totalWithTax)}`);
    // The keeper's name from the confirmation, the maker's from the document's events.
    expect(texts.at(-1)).toMatch(/制单：\S+/);
    expect(texts.at(-1)).toMatch(/仓管：\S+/);

    // A template file with a syntax error is refused with its line, and nothing is written.
    const broken = path.join(folder, 'broken.json');
    fs.writeFileSync(broken, '{\n  "printable": "document",\n  "paper": "a4-portrait"\n  "name": "x"\n}\n');
    const refusal = await runCli(databasePath, [
      'print',
      number,
      '--to',
      path.join(folder, 'x.pdf'),
      '--template',
      broken,
    ]);
    expect(refusal.exitCode).toBe(1);
    expect(refusal.stderr + refusal.stdout).toContain(
      '打印模板【broken.json】不是有效的 JSON，第 4 行第 3 列',
    );
    expect(fs.existsSync(path.join(folder, 'x.pdf'))).toBe(false);
  });

  it('refuses a template that names a field the document does not have, saying which and where', async () => {
    const { engine } = await stockLedger();
    const template = structuredClone(defaultTemplate);
    template.columns[2]!.field = 'goodsColour';
    const error = await refused(engine, 'print.document', { numbers: ['XS-nonexistent'], template });
    expect(error.message).toBe('打印模板有误：明细列第 3 项【goodsColour】不是可选的字段。');
    engine.close();
  });

  it('prints no purchase price for a role without 成本查看; a keeper prints the stock slips, not an order', async () => {
    const { engine, world, folder } = await stockLedger();
    const adminSession = await signIn(engine);
    const receiptId = await receiveMilk(engine, world, '7', '48.6');
    const orderId = await enterAndApprove(engine, {
      type: 'purchase_order',
      businessDate: '2026-01-06',
      counterpartyId: world.supplier,
      lines: [
        {
          goodsId: world.milk,
          warehouseId: world.warehouse1,
          unitName: '箱',
          quantity: '3',
          unitPrice: '49',
        },
      ],
    });
    const numberOf = async (id: number) => (await act(engine, 'documents.get', { id })).number;
    const [receipt, order] = [await numberOf(receiptId), await numberOf(orderId)];
    const keeper = await signedInKeeper(engine, adminSession);

    // The keeper holds 仓库打印, not 成本查看: the slip prints, its purchase prices do not.
    const slip = await callOk(engine, 'print.document', { numbers: [receipt] }, keeper);
    const file = path.join(folder, 'receipt.pdf');
    fs.writeFileSync(file, Buffer.from(slip.contentBase64, 'base64'));
    const text = pdfPageText(file, 1);
    expect(text).toContain(receipt);
    expect(text).toContain('7箱');
    expect(text).not.toMatch(/48\.6|大写/);
    expect(text).not.toContain('重打');
    const asAdmin = await callOk(engine, 'print.document', { numbers: [receipt] }, adminSession);
    fs.writeFileSync(file, Buffer.from(asAdmin.contentBase64, 'base64'));
    const priced = pdfPageText(file, 1);
    const total = Math.round(
      Number((await act(engine, 'documents.get', { id: receiptId })).totalWithTax) * 100,
    );
    expect(priced).toContain('48.60');
    // Printed once already (the keeper's slip): this copy says it is a reprint.
    expect(priced).toContain('重打 · 第 2 次打印');
    expect(priced).toContain(`合计金额（大写）：${chineseCapitalAmount(total)}`);

    const refusal = await engine.call(
      { method: 'print.document', input: { numbers: [order] }, session: keeper },
      { source: 'test' },
    );
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) expect(refusal.error.message).toBe('当前用户没有权限打印采购订单（需要“单据·打印”）。');
    engine.close();
  });

  it('prints a selection as one file, each document on its own pages; keeps each print in its events, a reprint marked 重打', async () => {
    const { engine, world, folder } = await stockLedger();
    const numbers: string[] = [];
    const ids = new Map<string, number>();
    for (const boxes of ['5', '6', '7']) {
      const id = await receiveMilk(engine, world, boxes, '48');
      const number = (await act(engine, 'documents.get', { id })).number;
      numbers.push(number);
      ids.set(number, id);
    }
    const prints = async (number: string) =>
      (await act(engine, 'documents.get', { id: ids.get(number)! })).events
        .filter((event) => event.action === 'print')
        .map((event) => event.note);
    const pdfOf = async (input: { numbers: string[]; preview?: boolean }) => {
      const printed = await act(engine, 'print.document', input);
      const file = path.join(folder, `${input.numbers.join('+')}${input.preview ? '-preview' : ''}.pdf`);
      fs.writeFileSync(file, Buffer.from(printed.contentBase64, 'base64'));
      return { file, pages: printed.pages, fileName: printed.fileName };
    };

    // A preview is the same pages and no print: nothing is recorded.
    const preview = await pdfOf({ numbers: [numbers[0]!], preview: true });
    expect(pdfPageText(preview.file, 1)).toContain(numbers[0]);
    expect(await prints(numbers[0]!)).toEqual([]);

    const batch = await pdfOf({ numbers });
    expect(batch.pages).toBe(3);
    expect(batch.fileName).toBe(`单据-${numbers[0]}等3张.pdf`);
    numbers.forEach((number, index) => {
      const text = pdfPageText(batch.file, index + 1);
      expect(text).toContain(number);
      // Each document numbers its own pages.
      expect(text.replace(/\s+/g, '')).toContain('第1页/共1页');
      expect(text).not.toContain('重打');
    });
    for (const number of numbers) expect(await prints(number)).toEqual(['打印']);

    const again = await pdfOf({ numbers: [numbers[1]!] });
    expect(pdfPageText(again.file, 1)).toContain('重打 · 第 2 次打印');
    pagesToLookAt(again.file);
    expect(await prints(numbers[1]!)).toEqual(['打印', '重打（第 2 次打印）']);
    // The preview of a third print shows the mark that print will carry, and records nothing.
    const third = await pdfOf({ numbers: [numbers[1]!], preview: true });
    expect(pdfPageText(third.file, 1)).toContain('重打 · 第 3 次打印');
    expect(await prints(numbers[1]!)).toHaveLength(2);
    engine.close();
  });
});

describe('a report page prints as its table, on A4 turned sideways', () => {
  it('库存余额 and 对账单: the columns shown in their order, the summary lines, no cost figures for a keeper', async () => {
    const { engine, world, folder, databasePath } = await stockLedger();
    const adminSession = await signIn(engine);
    await receiveMilk(engine, world, '30', '48');
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-01-20',
      counterpartyId: world.customer,
      lines: [
        {
          goodsId: world.milk,
          warehouseId: world.warehouse1,
          unitName: '箱',
          quantity: '4',
          unitPrice: '60',
        },
      ],
    });
    const pdfText = (printed: { contentBase64: string }, name: string) => {
      const file = path.join(folder, name);
      fs.writeFileSync(file, Buffer.from(printed.contentBase64, 'base64'));
      pagesToLookAt(file);
      return { sizes: pdfPageSizes(file), text: pdfPageText(file, 1) };
    };

    const balance = await callOk(
      engine,
      'reports.print',
      { report: 'stockBalance', input: { asOf: '2026-01-31' }, columns: [] },
      adminSession,
    );
    expect(balance.fileName).toMatch(/^库存余额表-2026-01-31-\d{8}\.pdf$/);
    const asAdmin = pdfText(balance, 'balance.pdf');
    expect(asAdmin.sizes).toEqual(['841.89 x 595.276']);
    for (const words of ['库存余额表', '鲜牛奶', '一号仓', '26箱', '库存金额', '1,248.00', '合计'])
      expect(asAdmin.text).toContain(words);

    // The columns the page shows, in its order; a keeper's print has no cost column at all.
    const keeper = await signedInKeeper(engine, adminSession);
    const chosen = await callOk(
      engine,
      'reports.print',
      { report: 'stockBalance', input: { asOf: '2026-01-31' }, columns: ['goodsName', 'mixedQuantity'] },
      keeper,
    );
    const asKeeper = pdfText(chosen, 'balance-keeper.pdf').text;
    expect(asKeeper).toContain('26箱');
    expect(asKeeper).not.toMatch(/库存金额|1,248\.00|商品编码/);
    const noCost = await engine.call(
      {
        method: 'reports.print',
        input: { report: 'stockBalance', input: {}, columns: ['value'] },
        session: keeper,
      },
      { source: 'test' },
    );
    expect(noCost.ok).toBe(false);

    // The CLI prints the same: ledger report … --format pdf --out file.
    const cliFile = path.join(folder, 'balance-cli.pdf');
    const run = await runCli(databasePath, [
      'report',
      'stock-balance',
      '--as-of',
      '2026-01-31',
      '--format',
      'pdf',
      '--out',
      cliFile,
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ path: cliFile, pages: 1 });
    expect(pdfPageText(cliFile, 1)).toContain('1,248.00');

    const statement = await callOk(
      engine,
      'reports.print',
      {
        report: 'statement',
        input: { counterpartyId: world.customer, from: '2026-01-01', to: '2026-01-31' },
        columns: [],
      },
      adminSession,
    );
    const { text } = pdfText(statement, 'statement.pdf');
    // A caption wider than its column wraps within it.
    for (const words of ['对账单', '期初余额', '本期合计及期末余', '271.20'])
      expect(text.replace(/\s+/g, '')).toContain(words);
    engine.close();
  });
});

describe('a stocktake prints as a count sheet to fill in, and as its counted result', () => {
  it('the draft on the blank sheet, with 实盘数量 to write in; approved, on A4 with 账面 / 实盘 / 盈亏', async () => {
    const { engine, world, folder } = await stockLedger();
    await receiveMilk(engine, world, '10', '48');
    const count = {
      type: 'stocktake' as const,
      businessDate: '2026-01-31',
      lines: [{ goodsId: world.milk, warehouseId: world.warehouse1, unitName: '袋', quantity: '235' }],
    };
    const saved = await act(engine, 'documents.save', { id: null, document: count });
    const { number } = await act(engine, 'documents.get', { id: saved.id });
    // A stocktake prints on its counted result by default, or on the blank sheet; nothing else does.
    expect(await act(engine, 'print.templates', { type: 'stocktake' })).toEqual([
      {
        templateId: null,
        templateKey: 'stocktake',
        name: '盘点单（A4，账面 / 实盘 / 盈亏）',
        isDefault: true,
      },
      {
        templateId: null,
        templateKey: 'stocktake-count-sheet',
        name: '盘点表（空白，手填实盘）',
        isDefault: false,
      },
    ]);
    expect(await act(engine, 'print.templates', { type: 'sales_delivery' })).toEqual([
      { templateId: null, templateKey: 'document', name: '单据（三联 241×140）', isDefault: true },
    ]);
    const printed = async (name: string, templateKey?: 'stocktake-count-sheet') => {
      const file = path.join(folder, `${name}.pdf`);
      const pdf = await act(engine, 'print.document', { numbers: [number], templateKey });
      fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
      pagesToLookAt(file);
      return { sizes: pdfPageSizes(file), text: pdfPageText(file, 1) };
    };

    const sheet = await printed('count-sheet', 'stocktake-count-sheet');
    expect(sheet.sizes).toEqual(['595.276 x 841.89']);
    for (const words of ['盘点单', number, '一号仓', '鲜牛奶', '实盘数量', '备注'])
      expect(sheet.text).toContain(words);
    // Nothing counted is printed on the sheet: the column is for the pen.
    expect(sheet.text).not.toContain('9箱19袋');

    await act(engine, 'documents.submit', { id: saved.id, acknowledged: true });
    if ((await act(engine, 'documents.get', { id: saved.id })).status === 'submitted')
      await act(engine, 'documents.approve', { id: saved.id, acknowledged: true });
    // 240 袋 on the books, 235 counted: 盘亏 5 袋.
    const result = await printed('stocktake');
    expect(result.sizes).toEqual(['595.276 x 841.89']);
    for (const words of ['账面数量', '实盘数量', '盈亏数量', '10箱', '9箱19袋', '-5袋'])
      expect(result.text).toContain(words);
    expect(result.text).not.toContain('单价');
    const receipt = (await act(engine, 'documents.list', { types: ['purchase_receipt'] })).rows[0]!.number;
    const misfit = await refused(engine, 'print.document', {
      numbers: [receipt],
      templateKey: 'stocktake-count-sheet',
    });
    expect(misfit.message).toBe('打印模板【盘点表（空白，手填实盘）】不适用于这类单据。');
    engine.close();
  });
});

describe('套打校准: the print moved and scaled for its printer, the preview not; the calibration page', () => {
  it('moves every page by the offsets and scales it; a calibration page says what it was printed with', async () => {
    const { engine, world, folder } = await stockLedger();
    await receiveMilk(engine, world, '10', '48');
    const number = await deliverMilk(engine, world, '2026-01-20', '29');
    const printed = async (name: string, input: Partial<ApiInput<'print.document'>>) => {
      const file = path.join(folder, `${name}.pdf`);
      const pdf = await act(engine, 'print.document', { numbers: [number], ...input });
      fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
      return file;
    };
    const mm = 72 / 25.4;
    const plain = wordPosition(await printed('plain', {}), 1, '单号：')!;
    const moved = wordPosition(
      await printed('moved', { calibration: { offsetXmm: 10, offsetYmm: -4, scale: 1 } }),
      1,
      '单号：',
    )!;
    expect(moved.x - plain.x).toBeCloseTo(10 * mm, 0);
    expect(moved.y - plain.y).toBeCloseTo(-4 * mm, 0);
    const scaled = wordPosition(
      await printed('scaled', { calibration: { offsetXmm: 0, offsetYmm: 0, scale: 0.95 } }),
      1,
      '单号：',
    )!;
    expect(scaled.x).toBeCloseTo(plain.x * 0.95, 0);
    // The preview is the page as designed, whatever the printer's calibration; and the paper stays its size.
    const preview = await printed('preview', {
      preview: true,
      calibration: { offsetXmm: 10, offsetYmm: -4, scale: 1 },
    });
    expect(wordPosition(preview, 1, '单号：')).toEqual(plain);
    expect(pdfPageSizes(path.join(folder, 'moved.pdf'))).toEqual(['683.15 x 396.85']);
    // Out of bounds: refused, saying which.
    const far = await refused(engine, 'print.document', {
      numbers: [number],
      calibration: { offsetXmm: 40, offsetYmm: 0, scale: 1 },
    });
    expect(far.message).toContain('水平偏移不能超过 30 毫米');

    const page = await act(engine, 'print.calibrationPage', {
      paper: 'triplicate-241x140',
      calibration: { offsetXmm: 1.5, offsetYmm: -2, scale: 1 },
    });
    const file = path.join(folder, page.fileName);
    fs.writeFileSync(file, Buffer.from(page.contentBase64, 'base64'));
    pagesToLookAt(file);
    expect(pdfPageSizes(file)).toEqual(['683.15 x 396.85']);
    const text = pdfPageText(file, 1).replace(/\s+/g, '');
    expect(text).toContain('套打校准页·241×140mm');
    expect(text).toContain('十字中心应距纸张左边20mm、上边20mm；下面的粗线应长100mm。');
    expect(text).toContain('水平+1.5mm，垂直-2mm，缩放100%');
    // The instructions' first word sits 30 mm in (the cross's 20 and 10 more), moved by the 1.5 mm offset.
    expect(wordPosition(file, 1, '套打校准页')!.x).toBeCloseTo(31.5 * mm, 0);
    engine.close();
  });
});

describe('打印外观: the branch’s date format and logo on every page', () => {
  it('prints dates as the branch writes them and its logo at the left of each title, embedded once', async () => {
    const { engine, world, folder } = await stockLedger();
    await receiveMilk(engine, world, '500', '48');
    const number = await deliverMilk(engine, world, '2026-01-20', '29', 25);
    const logo = fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/icon.png'));
    await act(engine, 'printTemplates.setAppearance', {
      dateFormat: 'yyyy年M月d日',
      logoBase64: logo.toString('base64'),
    });
    const pdf = await act(engine, 'print.document', { numbers: [number], preview: true });
    const file = path.join(folder, 'with-logo.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    pagesToLookAt(file);
    expect(pdf.pages).toBeGreaterThan(1);
    for (let page = 1; page <= pdf.pages; page += 1) {
      const text = pdfPageText(file, page);
      expect(text).toContain('日期：2026年1月20日');
      expect(text).toMatch(/打印时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    }
    // One picture on every page, and one image object in the file (pdfimages lists each page's use of it).
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      // A PNG with transparency is an image and its soft mask.
      .filter((columns) => columns[2] === 'image');
    expect(images).toHaveLength(pdf.pages);
    expect(new Set(images.map((columns) => columns[10])).size).toBe(1);
    // Not a picture, or too large: refused, and the logo stays as it was.
    const notPicture = await refused(engine, 'printTemplates.setAppearance', {
      logoBase64: Buffer.from('<svg/>').toString('base64'),
    });
    expect(notPicture.message).toBe('机构标志应为 PNG 或 JPEG 图片。');
    expect((await act(engine, 'printTemplates.appearance', {})).logoBase64).toBe(logo.toString('base64'));
    engine.close();
  });
});

describe('a 收款单 prints what it settled', () => {
  it('on A5, its settlements in date order with their amounts, the total in 大写, what is left unsettled', async () => {
    const { engine, world, folder } = await stockLedger();
    await receiveMilk(engine, world, '10', '48');
    // 29 袋 at 3.50 is 101.50, 114.70 with 13% tax; 58 袋 229.39.
    const first = await deliverMilk(engine, world, '2026-01-20', '29');
    const second = await deliverMilk(engine, world, '2026-01-21', '58');
    const receiptId = await enterAndApprove(engine, {
      type: 'customer_receipt',
      businessDate: '2026-01-25',
      counterpartyId: world.customer,
      amount: '400.00',
      lines: [],
    });
    await act(engine, 'money.autoSettle', { side: 'receivable', counterpartyId: world.customer });
    const { number } = await act(engine, 'documents.get', { id: receiptId });
    expect((await act(engine, 'print.templates', { type: 'customer_receipt' }))[0]).toMatchObject({
      templateKey: 'money',
      isDefault: true,
    });
    const pdf = await act(engine, 'print.document', { numbers: [number] });
    const file = path.join(folder, 'receipt.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    pagesToLookAt(file);
    expect(pdfPageSizes(file)).toEqual(['595.276 x 419.528']);
    const text = pdfPageText(file, 1);
    for (const words of ['收款单', number, '华联超市', '金额：400.00', '已核销：344.09', '未核销：55.91'])
      expect(text).toContain(words);
    const rows = text.split('\n').filter((line) => /^\s*\d+\s+XC/.test(line));
    expect(rows.map((line) => line.trim().split(/\s+/))).toEqual([
      ['1', first, '销售出库单', '2026-01-20', '114.70', '114.70'],
      ['2', second, '销售出库单', '2026-01-21', '229.39', '229.39'],
    ]);
    expect(sumsOnPage(text, '合计')).toEqual(['344.09']);
    expect(text).toContain(`合计金额（大写）：${chineseCapitalAmount(40_000)}`);
    engine.close();
  });
});

describe('every document a branch keeps prints, on its default template', () => {
  it('one of each type of a demo branch: its title, number and counterparty, on its paper; a transfer says 在途', async () => {
    const folder = tempFolder();
    const engine = await openLedger(path.join(folder, 'demo.db'));
    await generateDemo(engine, { scale: 'small', endDate: '2026-11-30', password: 'Demo-Test-1' });
    const latest = engine.db.$client
      .prepare(
        `SELECT d.number, d.type, d.status, c.name AS counterparty
           FROM documents d LEFT JOIN counterparties c ON c.id = d.counterparty_id
          WHERE d.id IN (SELECT max(id) FROM documents GROUP BY type, status = 'in_transit')
          ORDER BY d.type`,
      )
      .all() as { number: string; type: DocumentType; status: string; counterparty: string | null }[];
    const types = new Set(latest.map((doc) => doc.type));
    // What a demo branch keeps (a purchase return it has not): each of them prints.
    for (const type of [
      'purchase_order',
      'purchase_receipt',
      'sales_order',
      'sales_delivery',
      'sales_return',
    ])
      expect(types, type).toContain(type);
    for (const type of [
      'transfer',
      'stocktake',
      'stock_gain',
      'stock_loss',
      'customer_receipt',
      'supplier_payment',
    ])
      expect(types, type).toContain(type);
    const sizes: Record<string, string> = {
      'triplicate-241x140': '683.15 x 396.85',
      'a4-portrait': '595.276 x 841.89',
      'a5-landscape': '595.276 x 419.528',
    };
    for (const doc of latest) {
      const [chosen] = await act(engine, 'print.templates', { type: doc.type });
      const pdf = await act(engine, 'print.document', { numbers: [doc.number] });
      const file = path.join(folder, `${doc.type}-${doc.status}.pdf`);
      fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
      pagesToLookAt(file);
      const label = documentTypeRule(doc.type).label;
      const text = pdfPageText(file, 1);
      expect(text, doc.number).toContain(label);
      expect(text, doc.number).toContain(doc.number);
      if (doc.counterparty) expect(text, doc.number).toContain(doc.counterparty);
      const paper =
        chosen!.templateKey === 'stocktake'
          ? 'a4-portrait'
          : chosen!.templateKey === 'money'
            ? 'a5-landscape'
            : 'triplicate-241x140';
      expect(new Set(pdfPageSizes(file)), doc.number).toEqual(new Set([sizes[paper]]));
      if (doc.type === 'transfer' && doc.status === 'in_transit') expect(text).toContain('状态：在途');
    }
  }, 120_000);

  it('a transfer shipped and not yet received prints 状态：在途, with both warehouses and no prices', async () => {
    const { engine, world, folder } = await stockLedger();
    await receiveMilk(engine, world, '10', '48');
    const id = await enterAndApprove(engine, {
      type: 'transfer',
      businessDate: '2026-01-22',
      warehouseId: world.warehouse1,
      toWarehouseId: world.warehouse2,
      lines: [{ goodsId: world.milk, unitName: '箱', quantity: '3' }],
    });
    await act(engine, 'warehouse.confirm', { documentId: id, warehouseId: world.warehouse1 });
    const view = await act(engine, 'documents.get', { id });
    expect(view.status).toBe('in_transit');
    const pdf = await act(engine, 'print.document', { numbers: [view.number] });
    const file = path.join(folder, 'transfer.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    const text = pdfPageText(file, 1);
    for (const words of ['调拨单', view.number, '状态：在途', '仓库：一号仓', '调入仓库：二号仓', '3箱'])
      expect(text).toContain(words);
    expect(text).not.toContain('单价');
    engine.close();
  });
});
