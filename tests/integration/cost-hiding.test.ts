import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { router } from '../../src/engine/api/router';
import { permissions } from '../../src/engine/domain/access/permissions';
import type { ApiInput } from '../../src/shared/api';
import { beijingLedger, callOk, signIn } from './support/ledger';
import { act, enterAndApprove, post, stockWorld } from './support/stock';
import { createAccount } from './support/users';
import { notReads } from './support/not-reads';

/*
 * Field-level hiding (issue 11): unit cost, cost of goods, stock value and purchase prices are removed
 * by the engine from every output of a role without cost.view — documents, reports, price history,
 * exports — not hidden by the page. A role holding every permission but cost.view walks every read
 * method; none of its outputs has a cost figure, and the administrator's same outputs do (so a renamed
 * field or a broken mechanism fails here, not silently).
 *
 * The ledger: 鲜牛奶 bought at 48 a 箱 into 一号仓 and 二号仓, sold at 70, a transfer shipped and not yet
 * received, 酸奶 lots expiring within the month, an open purchase order, and 矿泉水 with a default 进价.
 */

const from = '2026-01-01';
const to = '2026-03-02';

async function seededLedger() {
  const { engine, adminSession } = await beijingLedger();
  const world = await stockWorld(engine);
  const { milk, yogurt, warehouse1, warehouse2, supplier, customer } = world;
  const water = (
    await act(engine, 'goods.save', {
      id: null,
      goods: {
        code: 'SP003',
        name: '矿泉水',
        units: [{ name: '瓶', ratio: '1', isBase: true, purchasePrice: '1.2', salePrice: '2' }],
      },
    })
  ).id;
  const office = (
    await act(engine, 'offices.save', { id: null, office: { code: 'BSC01', name: '城东办事处' } })
  ).id;
  const employee = (
    await act(engine, 'employees.save', { id: null, employee: { code: 'ZY001', name: '王强' } })
  ).id;
  const receipt = await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-02-05',
    counterpartyId: supplier,
    lines: [
      { goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
      { goodsId: milk, warehouseId: warehouse2, unitName: '箱', quantity: '5', unitPrice: '48' },
      {
        goodsId: yogurt,
        warehouseId: warehouse1,
        unitName: '箱',
        quantity: '2',
        unitPrice: '36',
        lot: 'A1',
        expiryDate: '2026-03-20',
      },
    ],
  });
  const sale = await post(engine, {
    type: 'sales_delivery',
    businessDate: '2026-02-10',
    counterpartyId: customer,
    lines: [{ goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '3', unitPrice: '70' }],
  });
  const transfer = await enterAndApprove(engine, {
    type: 'transfer',
    businessDate: '2026-02-20',
    warehouseId: warehouse1,
    toWarehouseId: warehouse2,
    lines: [{ goodsId: milk, unitName: '箱', quantity: '1' }],
  });
  await act(engine, 'warehouse.confirm', { documentId: transfer, warehouseId: warehouse1 });
  const order = await enterAndApprove(engine, {
    type: 'purchase_order',
    businessDate: '2026-02-25',
    counterpartyId: supplier,
    lines: [{ goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '4', unitPrice: '49' }],
  });
  const receiptNumber = (await act(engine, 'documents.get', { id: receipt })).number;
  // A template of the branch's own, for the designer's reads.
  const template = await act(engine, 'printTemplates.copy', {
    templateKey: 'document',
    name: '入库单 A4',
    documentType: 'purchase_receipt',
  });
  // A purchase contract: its agreed prices and the amounts it counts are purchase prices.
  const contract = (
    await act(engine, 'contracts.save', {
      id: null,
      kind: 'purchase',
      counterpartyId: supplier,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      lines: [{ goodsId: milk, unitName: '箱', quantity: 10000, agreedPrice: 48_000_000 }],
      rebateTerms: [{ kind: 'per_unit', unitName: '箱', amountPerUnit: 50 }],
    })
  ).id;
  const attachment = (
    await act(engine, 'contracts.attach', {
      id: contract,
      fileName: '采购合同.pdf',
      mediaType: 'application/pdf',
      contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
    })
  ).id;
  // 城东办事处's weekly channel report: customers' stock, no cost in it.
  const sheet = XLSX.utils.aoa_to_sheet([
    ['办事处', '报表类型', '报表期间', '客户编码', '商品编码', '单位', '期初库存', '本期进货', '实地库存'],
    ['BSC01', '周报', '2026-02-23', 'KH001', 'SP001', '箱', 2, 3, 1],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '周报');
  await act(engine, 'import.commit', {
    entity: 'channelReport',
    fileName: '周报.xlsx',
    contentBase64: (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64'),
    options: { existing: 'update', validOnly: false, createMissing: false },
  });
  const channelReport = (await act(engine, 'channelReports.board', { kind: 'weekly', from: '2026-02-23' }))
    .offices[0]!.cells[0]!.reportId!;
  return {
    channelReport,
    contract,
    attachment,
    template,
    engine,
    adminSession,
    world,
    water,
    office,
    employee,
    receipt,
    receiptNumber,
    sale,
    transfer,
    order,
  };
}
type Ledger = Awaited<ReturnType<typeof seededLedger>>;

/** A user `tester` holding a role with every permission but cost.view. */
async function withoutCostUser(engine: Engine, adminSession: string): Promise<string> {
  await callOk(
    engine,
    'roles.save',
    {
      id: null,
      role: {
        code: 'nocost',
        name: '无成本权限',
        permissions: permissions.filter((permission) => permission !== 'cost.view'),
        warehouseScope: 'all',
        customerScope: 'all',
      },
    },
    adminSession,
  );
  await createAccount(engine, adminSession, {
    username: 'tester',
    displayName: '测试员',
    role: 'nocost',
    password: 'Tester#2026',
  });
  return signIn(engine, 'tester', 'Tester#2026');
}

/** One read: its input, and the cost fields (paths, `[]` for each element) its output carries. */
interface Read {
  method: string;
  input: object;
  costFields: string[];
}

function reads(ledger: Ledger): Read[] {
  const {
    world,
    water,
    office,
    employee,
    receipt,
    receiptNumber,
    sale,
    transfer,
    order,
    template,
    contract,
    attachment,
    channelReport,
  } = ledger;
  const documentPrices = [
    'totalAmount',
    'totalTax',
    'totalWithTax',
    'totalInCapitals',
    'lines[].unitPrice',
    'lines[].unitPriceWithTax',
    'lines[].amount',
    'lines[].taxAmount',
    'lines[].amountWithTax',
  ];
  const periodValues = ['opening', 'purchase', 'sales', 'transferIn', 'transferOut', 'in', 'out', 'closing'];
  const given: Read[] = [
    { method: 'calendar.list', input: { year: 2026 }, costFields: [] },
    { method: 'channelReports.board', input: { kind: 'weekly', from: '2026-02-23' }, costFields: [] },
    { method: 'channelReports.get', input: { id: channelReport }, costFields: [] },
    {
      method: 'channelReports.template',
      input: { officeId: office, kind: 'weekly', day: '2026-03-02' },
      costFields: [],
    },
    {
      method: 'reports.channelNetShipments',
      input: { from: '2026-02-23', to: '2026-03-01' },
      costFields: [],
    },
    { method: 'reports.channelDaysOfStock', input: { day: '2026-02-23' }, costFields: [] },
    { method: 'reports.channelTwoSources', input: { from: '2026-02-23', to: '2026-03-01' }, costFields: [] },
    { method: 'reports.channelActivity', input: { from: '2026-02-23', to: '2026-03-01' }, costFields: [] },
    { method: 'contracts.signingBoard', input: { year: 2026 }, costFields: [] },
    {
      method: 'contracts.signingTemplate',
      input: { officeId: office, year: 2026, tier: 'dealer' },
      costFields: [],
    },
    { method: 'reports.contractRewards', input: { year: 2026 }, costFields: [] },
    { method: 'reports.contractedCustomers', input: { year: 2026 }, costFields: [] },
    { method: 'reports.uncontractedCustomers', input: { year: 2026 }, costFields: [] },
    { method: 'contracts.get', input: { id: contract }, costFields: ['lines[].agreedPrice'] },
    {
      method: 'contracts.execution',
      input: { id: contract, asOf: '2026-03-01' },
      costFields: ['terms[].amount'],
    },
    { method: 'contracts.print', input: { id: contract }, costFields: [] },
    { method: 'contracts.attachment', input: { id: contract, attachmentId: attachment }, costFields: [] },
    { method: 'goods.get', input: { id: water }, costFields: ['units[].purchasePrice'] },
    { method: 'goods.search', input: { term: 'SP' }, costFields: [] },
    // A goods' change is logged with the goods before and after, as goods.get gives it.
    {
      method: 'audit.list',
      input: { actionPrefix: 'goods.' },
      costFields: ['rows[].after.units[].purchasePrice'],
    },
    { method: 'counterparties.get', input: { id: world.supplier }, costFields: [] },
    { method: 'counterparties.search', input: { term: 'GY' }, costFields: [] },
    { method: 'warehouses.get', input: { id: world.warehouse1 }, costFields: [] },
    { method: 'offices.get', input: { id: office }, costFields: [] },
    { method: 'employees.get', input: { id: employee }, costFields: [] },
    { method: 'import.fields', input: { entity: 'goods' }, costFields: [] },
    { method: 'import.template', input: { entity: 'goods' }, costFields: [] },
    { method: 'export.columns', input: { entity: 'goods' }, costFields: [] },
    { method: 'export.list', input: { entity: 'goods', query: {} }, costFields: [] },
    {
      method: 'documents.list',
      input: { types: ['purchase_receipt', 'purchase_order'] },
      costFields: ['rows[].totalWithTax'],
    },
    { method: 'documents.get', input: { id: receipt }, costFields: documentPrices },
    { method: 'documents.get', input: { id: order }, costFields: documentPrices },
    { method: 'documents.get', input: { id: transfer }, costFields: [] },
    { method: 'documents.get', input: { id: sale }, costFields: [] },
    {
      method: 'prices.last',
      input: { counterpartyId: world.supplier, side: 'purchase', goodsIds: [world.milk] },
      costFields: ['[].unitPrice', '[].unitPriceWithTax'],
    },
    {
      method: 'prices.history',
      input: { goodsId: world.milk, side: 'purchase' },
      costFields: ['[].unitPrice', '[].unitPriceWithTax'],
    },
    { method: 'stock.available', input: { goodsIds: [world.milk, world.yogurt] }, costFields: [] },
    {
      method: 'reports.stockBalance',
      input: {},
      costFields: ['rows[].unitCost', 'rows[].value', 'totals.value'],
    },
    {
      method: 'reports.stockCard',
      input: { goodsId: world.milk, from, to },
      costFields: [
        'opening.value',
        'rows[].value',
        'rows[].runningValue',
        'rows[].runningUnitCost',
        'closing.value',
        'closing.unitCost',
      ],
    },
    {
      method: 'reports.periodSummary',
      input: { from, to },
      costFields: periodValues.flatMap((flow) => [`rows[].${flow}Value`, `totals.${flow}Value`]),
    },
    { method: 'reports.inTransit', input: {}, costFields: ['rows[].value', 'totals.value'] },
    { method: 'reports.lotExpiry', input: {}, costFields: ['rows[].value'] },
    { method: 'reports.statement', input: { counterpartyId: world.supplier, from, to }, costFields: [] },
    { method: 'reports.aging', input: { side: 'payable' }, costFields: [] },
    {
      method: 'reports.grossProfit',
      input: { from, to },
      costFields: ['rows[].cogs', 'rows[].grossProfit', 'rows[].margin', 'totals.cogs', 'totals.grossProfit'],
    },
    {
      method: 'reports.priceHistory',
      input: { goodsId: world.milk, side: 'purchase' },
      costFields: ['rows[].unitPrice', 'rows[].unitPriceWithTax'],
    },
    { method: 'reports.priceHistory', input: { goodsId: world.milk, side: 'sale' }, costFields: [] },
    {
      method: 'reports.orderExecution',
      input: { side: 'purchase' },
      costFields: ['rows[].outstandingAmount', 'totals.outstandingAmount'],
    },
    { method: 'reports.columns', input: { report: 'stockBalance' }, costFields: [] },
    {
      method: 'reports.export',
      input: { report: 'stockAlerts', input: {} },
      costFields: [],
    },
    { method: 'money.openItems', input: { counterpartyId: world.supplier, side: 'payable' }, costFields: [] },
    {
      method: 'money.settlements',
      input: { counterpartyId: world.supplier, side: 'payable' },
      costFields: [],
    },
    { method: 'money.balances', input: { side: 'payable' }, costFields: [] },
    { method: 'money.credit', input: { counterpartyId: world.customer }, costFields: [] },
    { method: 'documents.fromOrder', input: { id: order }, costFields: ['lines[].unitPrice'] },
    // A PDF: what it prints is the document's reading above (e2e/print-document.test.ts reads it back).
    { method: 'print.document', input: { numbers: [receiptNumber], preview: true }, costFields: [] },
    { method: 'print.templates', input: { type: 'purchase_receipt' }, costFields: [] },
    {
      method: 'print.calibrationPage',
      input: { paper: 'triplicate-241x140', calibration: { offsetXmm: 0, offsetYmm: 0, scale: 1 } },
      costFields: [],
    },
    // A template is a layout: it holds no figure. Its preview on a document prints the document's reading.
    { method: 'printTemplates.get', input: { id: template.id }, costFields: [] },
    { method: 'printTemplates.export', input: { id: template.id }, costFields: [] },
    {
      method: 'printTemplates.preview',
      input: { template: template.template, type: 'purchase_receipt', number: receiptNumber },
      costFields: [],
    },
    // A PDF of the report's table: its columns are the file's (reports.export above).
    { method: 'reports.print', input: { report: 'stockAlerts', input: {} }, costFields: [] },
  ];
  const named = new Set(given.map((read) => read.method));
  const rest = Object.keys(router)
    .filter((method) => !notReads.has(method) && !named.has(method))
    .map((method) => ({ method, input: {}, costFields: [] }));
  return [...given, ...rest];
}

/** The values at a path: `rows[].value` is every row's value, `[].unitPrice` every element's. */
function valuesAt(output: unknown, path: string): unknown[] {
  let values: unknown[] = [output];
  for (const step of path.split('.')) {
    const each = step.endsWith('[]');
    const key = each ? step.slice(0, -2) : step;
    values = values.flatMap((value) => {
      const at = key === '' ? value : (value as Record<string, unknown> | null)?.[key];
      if (!each) return [at];
      return Array.isArray(at) ? at : [];
    });
  }
  return values;
}

/**
 * Names that mean a cost figure wherever they appear (no other output uses them for anything else):
 * a safety net over every output, for a figure a new output brings under a known name.
 */
const costNames = new Set([
  'unitCost',
  'runningUnitCost',
  'runningValue',
  'purchasePrice',
  'cogs',
  'purchaseVariance',
  'grossProfit',
  'margin',
  'openingValue',
  'closingValue',
]);

function costNamesIn(output: unknown, path = ''): string[] {
  if (Array.isArray(output)) return output.flatMap((item) => costNamesIn(item, `${path}[]`));
  if (output === null || typeof output !== 'object') return [];
  return Object.entries(output).flatMap(([key, value]) => [
    ...(costNames.has(key) && value !== null ? [`${path}.${key}`] : []),
    ...costNamesIn(value, `${path}.${key}`),
  ]);
}

async function call(engine: Engine, session: string, method: string, input: object) {
  return engine.call({ method, input, session }, { source: 'test' });
}

function sheetOf(base64: string): unknown[][] {
  const workbook = XLSX.read(Buffer.from(base64, 'base64'));
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
}

type ReportExport = ApiInput<'reports.export'>;

/** Report files and the cost columns (headers) each has for the administrator. */
function reportFiles(ledger: Ledger): { request: ReportExport; costColumns: string[] }[] {
  const { world } = ledger;
  return [
    {
      request: { report: 'stockBalance', input: {} } as ReportExport,
      costColumns: ['单位成本', '库存金额'],
    },
    {
      request: { report: 'stockCard', input: { goodsId: world.milk, from, to } } as ReportExport,
      costColumns: ['金额', '结存单价', '结存金额'],
    },
    {
      request: { report: 'periodSummary', input: { from, to } } as ReportExport,
      costColumns: ['期初金额', '采购入库金额', '销售出库金额', '入库合计金额', '期末金额'],
    },
    { request: { report: 'inTransit', input: {} } as ReportExport, costColumns: ['在途金额'] },
    { request: { report: 'lotExpiry', input: {} } as ReportExport, costColumns: ['库存金额'] },
    {
      request: { report: 'grossProfit', input: { from, to } } as ReportExport,
      costColumns: ['销售成本', '采购差异', '毛利', '毛利率'],
    },
    {
      request: { report: 'priceHistory', input: { goodsId: world.milk, side: 'purchase' } } as ReportExport,
      costColumns: ['单价', '含税单价'],
    },
    {
      request: { report: 'orderExecution', input: { side: 'purchase' } } as ReportExport,
      costColumns: ['未执行金额（含税）'],
    },
  ];
}

describe('cost figures', () => {
  it('are in no output of a role without cost.view, and in the administrator’s', async () => {
    const ledger = await seededLedger();
    const { engine, adminSession } = ledger;
    const session = await withoutCostUser(engine, adminSession);
    const leaks: string[] = [];
    const missing: string[] = [];
    for (const read of reads(ledger)) {
      const label = `${read.method} ${JSON.stringify(read.input)}`;
      const asAdmin = await call(engine, adminSession, read.method, read.input);
      if (!asAdmin.ok) throw new Error(`${label} as the administrator: ${asAdmin.error.message}`);
      for (const path of read.costFields) {
        if (!valuesAt(asAdmin.result, path).some((value) => value !== null && value !== undefined))
          missing.push(`${label} ${path}`);
      }

      const asTester = await call(engine, session, read.method, read.input);
      if (!asTester.ok) {
        // Pushing a purchase order down would hand its purchase prices over: refused instead.
        if (read.method === 'documents.fromOrder' && asTester.error.code === 'FORBIDDEN') continue;
        throw new Error(`${label} without cost.view: ${asTester.error.message}`);
      }
      for (const path of read.costFields) {
        for (const value of valuesAt(asTester.result, path)) {
          if (value !== null && value !== undefined) leaks.push(`${label} ${path} = ${String(value)}`);
        }
      }
      for (const path of costNamesIn(asTester.result)) leaks.push(`${label} ${path}`);
    }
    expect(missing).toEqual([]);
    expect(leaks).toEqual([]);
  });

  it('leave a sale’s prices to whoever reads the sale', async () => {
    const ledger = await seededLedger();
    const session = await withoutCostUser(ledger.engine, ledger.adminSession);
    const sale = await callOk(ledger.engine, 'documents.get', { id: ledger.sale }, session);
    expect(sale.lines[0]).toMatchObject({ unitPrice: '70', amount: '210.00' });
    expect(sale.totalAmount).toBe('210.00');
    const prices = await callOk(
      ledger.engine,
      'reports.priceHistory',
      { goodsId: ledger.world.milk, side: 'sale' },
      session,
    );
    expect(prices.rows.map((row) => row.unitPrice)).toEqual(['70']);
    const columns = await callOk(ledger.engine, 'reports.columns', { report: 'priceHistory' }, session);
    expect(columns.map((column) => column.label)).toContain('单价');
  });

  it('are columns left out of report files for a role without cost.view', async () => {
    const ledger = await seededLedger();
    const { engine, adminSession } = ledger;
    const session = await withoutCostUser(engine, adminSession);
    for (const { request, costColumns } of reportFiles(ledger)) {
      const asAdmin = await callOk(engine, 'reports.export', request, adminSession);
      const adminHeader = sheetOf(asAdmin.base64)[0]!;
      expect(adminHeader, request.report).toEqual(expect.arrayContaining(costColumns));

      const asTester = await callOk(engine, 'reports.export', request, session);
      const rows = sheetOf(asTester.base64);
      const header = rows[0]!;
      expect(
        header.filter((label) => costColumns.includes(label as string)),
        request.report,
      ).toEqual([]);
      // Every other column is still there.
      expect(adminHeader, request.report).toEqual(expect.arrayContaining(header));

      const csv = await callOk(engine, 'reports.export', { ...request, format: 'csv' }, session);
      const csvHeader = Buffer.from(csv.base64, 'base64').toString('utf8').split('\r\n')[0]!;
      for (const label of costColumns) expect(csvHeader.split(','), request.report).not.toContain(label);
    }
  });

  it('are kept when a role without cost.view saves the goods back as its page shows it', async () => {
    const ledger = await seededLedger();
    const { engine, adminSession, water } = ledger;
    const session = await withoutCostUser(engine, adminSession);
    const shown = await callOk(engine, 'goods.get', { id: water }, session);
    expect(shown.units[0]!.purchasePrice).toBeNull();
    await callOk(
      engine,
      'goods.save',
      {
        id: water,
        version: shown.version,
        goods: {
          code: shown.code,
          name: '矿泉水 550ml',
          units: shown.units.map((unit) => ({
            name: unit.name,
            ratio: unit.ratio,
            isBase: unit.isBase,
            purchasePrice: unit.purchasePrice,
            salePrice: unit.salePrice,
          })),
        },
      },
      session,
    );
    const stored = await callOk(engine, 'goods.get', { id: water }, adminSession);
    expect(stored).toMatchObject({
      name: '矿泉水 550ml',
      units: [{ purchasePrice: '1.20', salePrice: '2.00' }],
    });
  });

  it('are not offered to the column chooser of a role without cost.view', async () => {
    const ledger = await seededLedger();
    const session = await withoutCostUser(ledger.engine, ledger.adminSession);
    const labels = async (report: 'stockBalance' | 'grossProfit', as: string) =>
      (await callOk(ledger.engine, 'reports.columns', { report }, as)).map((column) => column.key);
    expect(await labels('stockBalance', ledger.adminSession)).toEqual(
      expect.arrayContaining(['unitCost', 'value']),
    );
    expect(await labels('stockBalance', session)).not.toEqual(expect.arrayContaining(['unitCost']));
    expect(await labels('stockBalance', session)).not.toContain('value');
    expect(await labels('grossProfit', session)).toEqual([
      'code',
      'name',
      'spec',
      'quantity',
      'baseUnit',
      'revenue',
    ]);
  });
});
