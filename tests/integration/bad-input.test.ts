import { describe, expect, it } from 'vitest';
import { act, refused, stockWorld } from './support/stock';
import { beijingLedger } from './support/ledger';

/** Bad input that used to reach INTERNAL or slip through: each a clear refusal naming its field. */

interface Issue {
  path: string[];
  message: string;
}
const issuesOf = (details: unknown) => (details as { issues: Issue[] }).issues;

async function world() {
  const { engine } = await beijingLedger();
  return stockWorld(engine);
}

const receipt = (w: Awaited<ReturnType<typeof world>>, header: Record<string, unknown> = {}) => ({
  id: null,
  document: {
    type: 'purchase_receipt' as const,
    businessDate: '2026-03-02',
    counterpartyId: w.supplier,
    warehouseId: w.warehouse1,
    lines: [{ goodsId: w.milk, unitName: '袋', quantity: '24', unitPrice: '2.50' }],
    ...header,
  },
});

describe('a document header naming a record that does not exist', () => {
  it.each([
    ['officeId', '办事处/部门'],
    ['handlerId', '经手人'],
    ['toWarehouseId', '调入仓库'],
    ['sourceDocumentId', '原单'],
  ])('refuses %s, naming the field', async (field, label) => {
    const w = await world();
    const error = await refused(w.engine, 'documents.save', receipt(w, { [field]: 4242 }));
    expect(error).toEqual({
      code: 'VALIDATION',
      message: `${label}（编号 4242）不存在。`,
      details: { field },
    });
  });

  it('refuses a customer id on a transfer, which has no counterparty of its own', async () => {
    const w = await world();
    const error = await refused(w.engine, 'documents.save', {
      id: null,
      document: {
        type: 'transfer',
        businessDate: '2026-03-02',
        counterpartyId: 4242,
        warehouseId: w.warehouse1,
        toWarehouseId: w.warehouse2,
        lines: [{ goodsId: w.milk, unitName: '袋', quantity: '1' }],
      },
    });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { field: 'counterpartyId' } });
  });

  it('refuses a warehouse on a receipt of money that does not exist', async () => {
    const w = await world();
    const error = await refused(w.engine, 'documents.save', {
      id: null,
      document: {
        type: 'customer_receipt',
        businessDate: '2026-03-02',
        counterpartyId: w.customer,
        warehouseId: 4242,
        amount: '100',
        lines: [],
      },
    });
    expect(error).toEqual({
      code: 'VALIDATION',
      message: '仓库（编号 4242）不存在。',
      details: { field: 'warehouseId' },
    });
  });
});

describe('other bad input', () => {
  it('answers an unknown counterparty on money.credit with NOT_FOUND', async () => {
    const w = await world();
    expect(await refused(w.engine, 'money.credit', { counterpartyId: 4242 })).toMatchObject({
      code: 'NOT_FOUND',
      message: '往来单位（编号 4242）不存在。',
    });
  });

  it.each([
    ['goods.search', { term: '奶'.repeat(101) }, ['term']],
    ['counterparties.search', { term: 'x'.repeat(60 * 1024) }, ['term']],
    ['documents.list', { search: '%'.repeat(101) }, ['search']],
    ['audit.list', { actionPrefix: '_'.repeat(60_000) }, ['actionPrefix']],
  ])('bounds the search term of %s', async (method, input, path) => {
    const w = await world();
    const error = await refused(w.engine, method as 'goods.search', input);
    expect(error.code).toBe('VALIDATION');
    expect(issuesOf(error.details)).toEqual([{ path, message: expect.stringMatching(/不能超过 100 个字$/) }]);
  });

  it('refuses a tax rate above 100% on goods and on a document line', async () => {
    const w = await world();
    const goodsError = await refused(w.engine, 'goods.save', {
      id: null,
      goods: {
        code: 'SP009',
        name: '矿泉水',
        taxRate: '1000000%',
        units: [{ name: '瓶', ratio: '1', isBase: true }],
      },
    });
    expect(issuesOf(goodsError.details)).toEqual([
      { path: ['goods', 'taxRate'], message: '税率不能大于 100' },
    ]);
    const lineError = await refused(w.engine, 'documents.save', {
      ...receipt(w),
      document: {
        ...receipt(w).document,
        lines: [{ goodsId: w.milk, unitName: '袋', quantity: '1', unitPrice: '1', taxRate: '101' }],
      },
    });
    expect(issuesOf(lineError.details)[0]!.path).toEqual(['document', 'lines', '0', 'taxRate']);
  });

  it.each(['1900-01-01', '2100-01-01', '0206-03-02'])(
    'refuses the business date %s',
    async (businessDate) => {
      const w = await world();
      const error = await refused(w.engine, 'documents.save', receipt(w, { businessDate }));
      expect(issuesOf(error.details)).toEqual([
        { path: ['document', 'businessDate'], message: '业务日期应在 2000-01-01 至 2099-12-31 之间' },
      ]);
    },
  );

  it('refuses NUL and other control characters in names and texts', async () => {
    const w = await world();
    const goodsError = await refused(w.engine, 'goods.save', {
      id: null,
      goods: { code: 'SP009', name: '矿泉\u0000水', units: [{ name: '瓶', ratio: '1', isBase: true }] },
    });
    expect(issuesOf(goodsError.details)).toEqual([
      { path: ['goods', 'name'], message: '商品名称不能含控制字符' },
    ]);
    const warehouseError = await refused(w.engine, 'warehouses.save', {
      id: null,
      warehouse: { code: 'CK09', name: '三号\u001b仓' },
    });
    expect(issuesOf(warehouseError.details)).toEqual([
      { path: ['warehouse', 'name'], message: '仓库名称不能含控制字符' },
    ]);
    // A line break in a remark is a person's text, not a control character to refuse.
    const saved = await act(w.engine, 'documents.save', receipt(w, { remark: '第一行\n第二行' }));
    expect(saved.number).toMatch(/.+/);
  });

  it('takes -0 as a warehouse filter to refuse, not as "no filter"', async () => {
    const w = await world();
    await act(w.engine, 'documents.save', receipt(w));
    const error = await refused(w.engine, 'documents.list', { warehouseId: -0 });
    expect(error.code).toBe('VALIDATION');
    expect(issuesOf(error.details)[0]!.path).toEqual(['warehouseId']);
  });
});
