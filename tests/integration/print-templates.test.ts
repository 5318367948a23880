import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiOutput } from '../../src/shared/api';
import { runCli } from './support/cli';
import { callFailing, signIn } from './support/ledger';
import { act, deliverMilk, post, refused, stockLedger, type StockWorld } from './support/stock';
import { createAccount } from './support/users';

/**
 * 打印模板 kept in the books: a copy of a shipped template made the default of 销售出库单, versions and
 * their history, one default per type, a file sent to another branch and sent again, and the refusals.
 */

/**
 * Every page's size in points to two decimals, as pdfinfo states it, read from the PDF's page
 * dictionaries (PDFKit writes them plain).
 */
function pageSizes(file: { contentBase64: string }): string[] {
  const text = Buffer.from(file.contentBase64, 'base64').toString('latin1');
  return [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map(
    (match) => `${Number(match[1]).toFixed(2)} x ${Number(match[2]).toFixed(2)}`,
  );
}

const a4Portrait = '595.28 x 841.89';
const triplicate140 = '683.15 x 396.85';

type Stored = ApiOutput<'printTemplates.get'>;

/** 10 箱 鲜牛奶 received, and a delivery of 29 袋 of it: its number. */
async function delivery(engine: Engine, world: StockWorld): Promise<string> {
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-01-05',
    counterpartyId: world.supplier,
    lines: [
      { goodsId: world.milk, warehouseId: world.warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
    ],
  });
  return deliverMilk(engine, world, '2026-01-20', '29');
}

/** A copy of the shipped 三联 template, for 销售出库单, on A4. */
async function a4Copy(engine: Engine, name = '出库单 A4'): Promise<Stored> {
  const copy = await act(engine, 'printTemplates.copy', {
    templateKey: 'document',
    name,
    documentType: 'sales_delivery',
  });
  return act(engine, 'printTemplates.save', {
    id: copy.id,
    version: copy.version,
    documentType: 'sales_delivery',
    template: { ...copy.template, paper: 'a4-portrait' },
  });
}

describe('print templates kept in the books', () => {
  it('a copy made the default of 销售出库单 prints its deliveries; its versions are kept and one comes back', async () => {
    const { engine, world } = await stockLedger();
    const number = await delivery(engine, world);
    expect(pageSizes(await act(engine, 'print.document', { numbers: [number], preview: true }))).toEqual([
      triplicate140,
    ]);

    const saved = await a4Copy(engine);
    expect(saved.version).toBe(2);
    expect(saved.versions.map((version) => [version.version, version.note])).toEqual([
      [2, '修改'],
      [1, '复制'],
    ]);
    // Stored but not the default yet: chosen by id it prints on A4, by default still on 三联.
    expect(
      pageSizes(
        await act(engine, 'print.document', { numbers: [number], templateId: saved.id, preview: true }),
      ),
    ).toEqual([a4Portrait]);
    expect(pageSizes(await act(engine, 'print.document', { numbers: [number], preview: true }))).toEqual([
      triplicate140,
    ]);

    await act(engine, 'printTemplates.setDefault', { id: saved.id, isDefault: true });
    const options = await act(engine, 'print.templates', { type: 'sales_delivery' });
    expect(options[0]).toMatchObject({ templateId: saved.id, name: '出库单 A4', isDefault: true });
    expect(options.filter((option) => option.isDefault)).toHaveLength(1);
    expect(pageSizes(await act(engine, 'print.document', { numbers: [number], preview: true }))).toEqual([
      a4Portrait,
    ]);
    // Made for 销售出库单: a receipt keeps the shipped default, and may not be printed on it.
    const receipts = await act(engine, 'print.templates', { type: 'purchase_receipt' });
    expect(receipts.map((option) => option.templateId)).not.toContain(saved.id);

    // A save from a page opened at an older version is refused, and changes nothing.
    const stale = await refused(engine, 'printTemplates.save', {
      id: saved.id,
      version: 1,
      documentType: 'sales_delivery',
      template: { ...saved.template, paper: 'a5-landscape' },
    });
    expect(stale.code).toBe('STALE');
    expect((await act(engine, 'printTemplates.get', { id: saved.id })).template.paper).toBe('a4-portrait');

    // Version 1 (the 三联 copy) brought back as version 3: the history keeps all three.
    const restored = await act(engine, 'printTemplates.restore', {
      id: saved.id,
      version: 1,
      openedVersion: saved.version,
    });
    expect(restored.version).toBe(3);
    expect(restored.template.paper).toBe('triplicate-241x140');
    expect(restored.versions.map((version) => version.note)).toEqual(['恢复第 1 版', '修改', '复制']);
    expect(restored.isDefault).toBe(true);

    // Removed, its type prints on the shipped default again; the audit log has each step.
    await act(engine, 'printTemplates.delete', { id: saved.id });
    expect((await act(engine, 'print.templates', { type: 'sales_delivery' }))[0]).toMatchObject({
      templateKey: 'document',
      isDefault: true,
    });
    const audit = await act(engine, 'audit.list', { actionPrefix: 'printTemplates.', limit: 50, offset: 0 });
    expect(JSON.stringify(audit)).toContain('printTemplates.delete');
    engine.close();
  });

  it('keeps one default per type: a second default takes the place of the first', async () => {
    const { engine, world } = await stockLedger();
    const number = await delivery(engine, world);
    const first = await a4Copy(engine, '出库单甲');
    const second = await a4Copy(engine, '出库单乙');
    await act(engine, 'printTemplates.setDefault', { id: first.id, isDefault: true });
    await act(engine, 'printTemplates.setDefault', { id: second.id, isDefault: true });
    expect((await act(engine, 'printTemplates.get', { id: first.id })).isDefault).toBe(false);
    expect((await act(engine, 'print.templates', { type: 'sales_delivery' }))[0]!.templateId).toBe(second.id);

    // A template for every type that is its default gives way, for 销售出库单, to the one made for it.
    const everyType = await act(engine, 'printTemplates.copy', {
      templateKey: 'document',
      name: '通用 A5',
      documentType: null,
    });
    await act(engine, 'printTemplates.setDefault', { id: everyType.id, isDefault: true });
    expect((await act(engine, 'print.templates', { type: 'sales_delivery' }))[0]!.templateId).toBe(second.id);
    expect((await act(engine, 'print.templates', { type: 'purchase_receipt' }))[0]!.templateId).toBe(
      everyType.id,
    );

    // The default of every type moved to 销售出库单, which has its own default, stops being a default.
    const moved = await act(engine, 'printTemplates.save', {
      id: everyType.id,
      version: everyType.version,
      documentType: 'sales_delivery',
      template: everyType.template,
    });
    expect(moved.isDefault).toBe(false);

    // The same name twice is refused; a template for 盘点单 does not print a delivery.
    const taken = await refused(engine, 'printTemplates.copy', {
      templateKey: 'document',
      name: '出库单甲',
      documentType: null,
    });
    expect(taken.message).toBe('已有名为【出库单甲】的打印模板，请换一个名称。');
    const countSheet = await act(engine, 'printTemplates.copy', {
      templateKey: 'stocktake-count-sheet',
      name: '盘点表（手填）',
      documentType: 'stocktake',
    });
    const wrongType = await refused(engine, 'print.document', {
      numbers: [number],
      templateId: countSheet.id,
    });
    expect(wrongType.message).toBe('打印模板【盘点表（手填）】是盘点单的模板，不适用于销售出库单。');
    engine.close();
  });

  it('goes to another branch as a file; sent again it is the next version there, not a second template', async () => {
    const head = await stockLedger();
    const other = await stockLedger();
    const made = await a4Copy(head.engine, '总部出库单');
    const file = await act(head.engine, 'printTemplates.export', { id: made.id });
    expect(file.fileName).toBe('打印模板-总部出库单.json');

    const first = await act(other.engine, 'printTemplates.import', file);
    expect(first).toMatchObject({ outcome: 'created', uid: made.uid, name: '总部出库单', version: 1 });
    expect(first.template).toEqual(made.template);
    expect((await act(other.engine, 'printTemplates.import', file)).outcome).toBe('unchanged');

    const changed = await act(head.engine, 'printTemplates.save', {
      id: made.id,
      version: made.version,
      documentType: 'sales_delivery',
      template: { ...made.template, fieldsPerRow: 2 },
    });
    const again = await act(
      other.engine,
      'printTemplates.import',
      await act(head.engine, 'printTemplates.export', { id: changed.id }),
    );
    expect(again).toMatchObject({ outcome: 'updated', id: first.id, version: 2 });
    expect(again.template.fieldsPerRow).toBe(2);
    expect((await act(other.engine, 'printTemplates.list', {})).stored).toHaveLength(1);

    // A file with a syntax error: refused with its line and column; one that names an unknown column:
    // refused with which; nothing is written by either.
    const text = (json: string) => ({
      fileName: 'broken.json',
      contentBase64: Buffer.from(json).toString('base64'),
    });
    const syntax = await refused(
      other.engine,
      'printTemplates.import',
      text('{\n  "printable": "document",\n  "paper": "a4-portrait"\n  "name": "x"\n}\n'),
    );
    expect(syntax.message).toContain('打印模板【broken.json】不是有效的 JSON，第 4 行第 3 列');
    const body = structuredClone(made.template) as { columns: { field: string }[] };
    body.columns[1]!.field = 'goodsColour';
    const unknownColumn = await refused(other.engine, 'printTemplates.import', text(JSON.stringify(body)));
    expect(unknownColumn.message).toBe('打印模板有误：明细列第 2 项【goodsColour】不是可选的字段。');
    expect((await act(other.engine, 'printTemplates.list', {})).stored).toHaveLength(1);
    head.engine.close();
    other.engine.close();
  });

  it('ledger print --template: a template by its name, or an exported file; an unknown name lists those there are; a report by its name', async () => {
    const { engine, world, databasePath, folder } = await stockLedger();
    const number = await delivery(engine, world);
    const made = await a4Copy(engine);
    const exported = await act(engine, 'printTemplates.export', { id: made.id });
    const file = path.join(folder, exported.fileName);
    fs.writeFileSync(file, Buffer.from(exported.contentBase64, 'base64'));
    engine.close();
    const printedOn = async (template: string) => {
      const out = path.join(folder, 'out.pdf');
      const run = await runCli(databasePath, ['print', number, '--to', out, '--template', template]);
      expect(run.exitCode, run.stderr).toBe(0);
      return pageSizes({ contentBase64: fs.readFileSync(out).toString('base64') });
    };
    expect(await printedOn('出库单 A4')).toEqual([a4Portrait]);
    expect(await printedOn(file)).toEqual([a4Portrait]);
    expect(await printedOn('单据（三联 241×140）')).toEqual([triplicate140]);
    // A report by its name prints as its table, on A4 turned sideways.
    const report = path.join(folder, 'stock.pdf');
    const reportRun = await runCli(databasePath, ['print', 'stock-balance', '--to', report]);
    expect(reportRun.exitCode, reportRun.stderr).toBe(0);
    expect(new Set(pageSizes({ contentBase64: fs.readFileSync(report).toString('base64') }))).toEqual(
      new Set(['841.89 x 595.28']),
    );
    const unknown = await runCli(databasePath, ['print', number, '--to', 'x.pdf', '--template', '出库单 A5']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr + unknown.stdout).toContain(
      '没有名为【出库单 A5】的打印模板。可用的有：出库单 A4、',
    );
  });

  it('previews a template on the type’s 样张 before any document exists; a keeper may not edit templates', async () => {
    const { engine } = await stockLedger();
    const shipped = (await act(engine, 'printTemplates.list', {})).shipped.find(
      (one) => one.key === 'document',
    )!;
    const sample = await act(engine, 'printTemplates.preview', {
      template: shipped.template,
      type: 'sales_delivery',
    });
    expect(sample.fileName).toBe('销售出库单-样张.pdf');
    // 18 lines on 241 × 140 mm: more than one page.
    expect(sample.pages).toBeGreaterThan(1);
    expect(new Set(pageSizes(sample))).toEqual(new Set([triplicate140]));
    // Larger text: taller rows, more pages; beyond 14 磅 refused, saying so.
    const larger = await act(engine, 'printTemplates.preview', {
      template: { ...shipped.template, fontPt: 12 },
      type: 'sales_delivery',
    });
    expect(larger.pages).toBeGreaterThan(sample.pages);
    // A form with 6 pre-printed rows: the 18 lines on 3 pages.
    const sixRows = await act(engine, 'printTemplates.preview', {
      template: { ...shipped.template, rowsPerPage: 6 },
      type: 'sales_delivery',
    });
    expect(sixRows.pages).toBe(3);
    const tooLarge = await refused(engine, 'printTemplates.preview', {
      template: { ...shipped.template, fontPt: 20 },
      type: 'sales_delivery',
    });
    expect(tooLarge.message).toBe('打印模板有误（fontPt）：字号不能大于 14 磅');

    await createAccount(engine, await signIn(engine), {
      username: 'keeper',
      displayName: '赵仓管',
      role: 'keeper',
      password: 'Keeper#2026',
    });
    const keeper = await signIn(engine, 'keeper', 'Keeper#2026');
    const error = await callFailing(
      engine,
      'printTemplates.copy',
      { templateKey: 'document', name: '仓管的模板', documentType: null },
      keeper,
    );
    expect(error.code).toBe('FORBIDDEN');
    engine.close();
  });
});
