import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { beijingLedger, callOk, testSource } from './support/ledger';
import { act, enterAndApprove, post, refused, stockWorld, type StockWorld } from './support/stock';
import { createAccount } from './support/users';

/** Reads the ledger file directly, as a second reader: balances and the movements they sum. */
function readBook(databasePath: string) {
  const db = new Database(databasePath, { readonly: true });
  try {
    const balances = db
      .prepare(
        'SELECT goods_id, warehouse_id, lot, in_transit, quantity, value FROM stock_balances ORDER BY 1, 2, 3, 4',
      )
      .all() as {
      goods_id: number;
      warehouse_id: number;
      lot: string;
      in_transit: number;
      quantity: number;
      value: number;
    }[];
    const sums = db
      .prepare(
        'SELECT goods_id, warehouse_id, lot, in_transit, sum(quantity) AS quantity, sum(value) AS value FROM stock_movements GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4',
      )
      .all();
    const movements = db.prepare('SELECT * FROM stock_movements ORDER BY posting_date, id').all() as {
      id: number;
      kind: string;
      quantity: number;
      value: number;
      warehouse_id: number;
      goods_id: number;
      posting_date: string;
      in_transit: number;
    }[];
    return { balances, sums, movements };
  } finally {
    db.close();
  }
}

function balanceOf(book: ReturnType<typeof readBook>, goodsId: number, warehouseId: number, inTransit = 0) {
  return book.balances
    .filter(
      (row) => row.goods_id === goodsId && row.warehouse_id === warehouseId && row.in_transit === inTransit,
    )
    .reduce((sum, row) => ({ quantity: sum.quantity + row.quantity, value: sum.value + row.value }), {
      quantity: 0,
      value: 0,
    });
}

const receipt = (
  world: StockWorld,
  date: string,
  lines: { warehouseId: number; unitName: string; quantity: string; unitPrice: string }[],
) => ({
  type: 'purchase_receipt' as const,
  businessDate: date,
  counterpartyId: world.supplier,
  lines: lines.map((line) => ({ goodsId: world.milk, ...line })),
});

const delivery = (
  world: StockWorld,
  date: string,
  lines: { warehouseId: number; unitName: string; quantity: string }[],
) => ({
  type: 'sales_delivery' as const,
  businessDate: date,
  counterpartyId: world.customer,
  lines: lines.map((line) => ({ goodsId: world.milk, unitPrice: '3', ...line })),
});

describe('stock documents', () => {
  it('a purchase receipt in 箱 and 袋 into two warehouses moves stock only when each keeper confirms', async () => {
    const { engine, databasePath } = await beijingLedger();
    const world = await stockWorld(engine);
    // 10 箱 at ¥48.00 a 箱 = 240 袋 worth ¥480.00; 12 袋 at ¥2.10 = ¥25.20.
    const id = await enterAndApprove(
      engine,
      receipt(world, '2026-11-02', [
        { warehouseId: world.warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
        { warehouseId: world.warehouse2, unitName: '袋', quantity: '12', unitPrice: '2.1' },
      ]),
    );
    const view = await act(engine, 'documents.get', { id });
    expect(view.number).toBe('CR20261102-0001');
    expect(view.status).toBe('awaiting_warehouse');
    expect(view.totalAmount).toBe('505.20');
    // 13% VAT per line: 62.40 + 3.28 (3.276 rounded half up).
    expect(view.totalTax).toBe('65.68');
    expect(view.totalInCapitals).toBe('伍佰柒拾元零捌角捌分');
    expect(readBook(databasePath).movements).toHaveLength(0);

    await act(engine, 'warehouse.confirm', { documentId: id, warehouseId: world.warehouse1 });
    expect((await act(engine, 'documents.get', { id })).status).toBe('awaiting_warehouse');
    await act(engine, 'warehouse.confirm', { documentId: id, warehouseId: world.warehouse2 });
    expect((await act(engine, 'documents.get', { id })).status).toBe('completed');

    const book = readBook(databasePath);
    expect(balanceOf(book, world.milk, world.warehouse1)).toEqual({ quantity: 24000, value: 48000 });
    expect(balanceOf(book, world.milk, world.warehouse2)).toEqual({ quantity: 1200, value: 2520 });
    expect(
      book.balances.map(({ goods_id, warehouse_id, lot, in_transit, quantity, value }) => ({
        goods_id,
        warehouse_id,
        lot,
        in_transit,
        quantity,
        value,
      })),
    ).toEqual(book.sums);
    // A second confirmation (a double click) finds nothing left and changes nothing.
    const again = await refused(engine, 'warehouse.confirm', {
      documentId: id,
      warehouseId: world.warehouse1,
    });
    expect(again.code).toBe('CONFLICT');
    expect(readBook(databasePath).movements).toHaveLength(2);
  });

  it('a backdated receipt re-costs an earlier-confirmed delivery in the same transaction', async () => {
    const { engine, databasePath } = await beijingLedger();
    const world = await stockWorld(engine);
    await post(
      engine,
      receipt(world, '2026-11-02', [
        { warehouseId: world.warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
      ]),
    );
    const sale = await post(
      engine,
      delivery(world, '2026-11-10', [{ warehouseId: world.warehouse1, unitName: '箱', quantity: '5' }]),
    );
    // 5 箱 of 10 at ¥48.00: ¥240.00 out.
    let book = readBook(databasePath);
    expect(book.movements.find((row) => row.kind === 'sales')!.value).toBe(-24000);

    // 10 箱 at ¥60.00 dated 11-05, before the delivery: average (480 + 600) / 480 袋 = ¥2.25 a 袋.
    await post(
      engine,
      receipt(world, '2026-11-05', [
        { warehouseId: world.warehouse1, unitName: '箱', quantity: '10', unitPrice: '60' },
      ]),
    );
    book = readBook(databasePath);
    const saleMovement = book.movements.find((row) => row.kind === 'sales' && row.quantity === -12000)!;
    expect(saleMovement.value).toBe(-27000);
    expect(balanceOf(book, world.milk, world.warehouse1)).toEqual({ quantity: 36000, value: 108000 - 27000 });
    expect(sale).toBeGreaterThan(0);
  });

  it('refuses a backdated issue that would make a later balance negative, naming goods, warehouse, date and shortfall', async () => {
    const { engine, databasePath } = await beijingLedger();
    const world = await stockWorld(engine);
    await post(
      engine,
      receipt(world, '2026-11-02', [
        { warehouseId: world.warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
      ]),
    );
    await post(
      engine,
      delivery(world, '2026-11-10', [{ warehouseId: world.warehouse1, unitName: '箱', quantity: '8' }]),
    );
    const id = await enterAndApprove(
      engine,
      delivery(world, '2026-11-05', [{ warehouseId: world.warehouse1, unitName: '袋', quantity: '60' }]),
    );
    const error = await refused(engine, 'warehouse.confirm', {
      documentId: id,
      warehouseId: world.warehouse1,
    });
    expect(error.message).toBe('商品【鲜牛奶】在【一号仓】2026-11-10 库存不足，缺 12袋');
    expect(readBook(databasePath).movements).toHaveLength(2);
    expect((await act(engine, 'documents.get', { id })).status).toBe('awaiting_warehouse');
  });

  it('a transfer holds its value in transit until the destination keeper receives it', async () => {
    const { engine, databasePath } = await beijingLedger();
    const world = await stockWorld(engine);
    await post(
      engine,
      receipt(world, '2026-11-02', [
        { warehouseId: world.warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
      ]),
    );
    const id = await enterAndApprove(engine, {
      type: 'transfer',
      businessDate: '2026-11-03',
      warehouseId: world.warehouse1,
      toWarehouseId: world.warehouse2,
      lines: [{ goodsId: world.milk, unitName: '箱', quantity: '4' }],
    });
    await act(engine, 'warehouse.confirm', { documentId: id, warehouseId: world.warehouse1 });
    expect((await act(engine, 'documents.get', { id })).status).toBe('in_transit');
    let book = readBook(databasePath);
    expect(balanceOf(book, world.milk, world.warehouse2, 1)).toEqual({ quantity: 9600, value: 19200 });
    await act(engine, 'warehouse.confirm', { documentId: id, warehouseId: world.warehouse2 });
    book = readBook(databasePath);
    expect(balanceOf(book, world.milk, world.warehouse2, 1)).toEqual({ quantity: 0, value: 0 });
    expect(balanceOf(book, world.milk, world.warehouse2)).toEqual({ quantity: 9600, value: 19200 });
    expect(balanceOf(book, world.milk, world.warehouse1)).toEqual({ quantity: 14400, value: 28800 });
    expect((await act(engine, 'documents.get', { id })).status).toBe('completed');
  });

  it('a stocktake makes a gain and a loss document against the book quantity at the count date', async () => {
    const { engine, databasePath } = await beijingLedger();
    const world = await stockWorld(engine);
    await post(
      engine,
      receipt(world, '2026-11-02', [
        { warehouseId: world.warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
        { warehouseId: world.warehouse2, unitName: '箱', quantity: '1', unitPrice: '48' },
      ]),
    );
    const stocktake = await enterAndApprove(engine, {
      type: 'stocktake',
      businessDate: '2026-11-20',
      lines: [
        { goodsId: world.milk, warehouseId: world.warehouse1, unitName: '袋', quantity: '238' },
        { goodsId: world.milk, warehouseId: world.warehouse2, unitName: '袋', quantity: '25' },
      ],
    });
    const documents = await act(engine, 'documents.list', { types: ['stock_gain', 'stock_loss'] });
    expect(documents.rows.map((row) => row.typeLabel).sort()).toEqual(['盘亏出库单', '盘盈入库单']);
    for (const row of documents.rows) {
      const doc = await act(engine, 'documents.get', { id: row.id });
      for (const warehouseId of new Set(doc.lines.map((line) => line.warehouseId!))) {
        await act(engine, 'warehouse.confirm', { documentId: row.id, warehouseId });
      }
    }
    const book = readBook(databasePath);
    // Loss of 2 袋 at ¥2.00; gain of 1 袋 at the current ¥2.00.
    expect(balanceOf(book, world.milk, world.warehouse1)).toEqual({ quantity: 23800, value: 47600 });
    expect(balanceOf(book, world.milk, world.warehouse2)).toEqual({ quantity: 2500, value: 5000 });
    expect((await act(engine, 'documents.get', { id: stocktake })).lines[0]!.bookQuantity).toBe('10箱');
  });

  it('a red-letter reversal cancels a completed delivery at the cost it left at', async () => {
    const { engine, databasePath } = await beijingLedger();
    const world = await stockWorld(engine);
    await post(
      engine,
      receipt(world, '2026-11-02', [
        { warehouseId: world.warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
      ]),
    );
    const sale = await post(
      engine,
      delivery(world, '2026-11-04', [{ warehouseId: world.warehouse1, unitName: '箱', quantity: '3' }]),
    );
    const reversal = await act(engine, 'documents.reverse', {
      id: sale,
      businessDate: '2026-11-06',
      reason: '客户拒收',
    });
    expect(reversal.number).toBe('XC20261106-0001');
    const book = readBook(databasePath);
    expect(balanceOf(book, world.milk, world.warehouse1)).toEqual({ quantity: 24000, value: 48000 });
    const original = await act(engine, 'documents.get', { id: sale });
    expect(original.reversedBy?.number).toBe('XC20261106-0001');
    expect(original.actions).toEqual([]);
    expect((await refused(engine, 'documents.reverse', { id: sale, businessDate: '2026-11-07' })).code).toBe(
      'CONFLICT',
    );
  });

  it('master data in the books can only be disabled, and a goods with stock keeps its units', async () => {
    const { engine } = await beijingLedger();
    const world = await stockWorld(engine);
    await post(
      engine,
      receipt(world, '2026-11-02', [
        { warehouseId: world.warehouse1, unitName: '箱', quantity: '1', unitPrice: '48' },
      ]),
    );
    const milk = await act(engine, 'goods.get', { id: world.milk });
    const changed = await refused(engine, 'goods.save', {
      id: world.milk,
      version: milk.version,
      goods: {
        code: milk.code,
        name: milk.name,
        units: [
          { name: '袋', ratio: '1', isBase: true },
          { name: '箱', ratio: '20', isBase: false },
        ],
      },
    });
    expect(changed.message).toBe(
      '商品【鲜牛奶】已有库存流水，不能修改单位【箱】的换算率（24 → 20）。如需新规格，请另建商品。',
    );
    // A new barcode or price is still fine.
    await act(engine, 'goods.save', {
      id: world.milk,
      version: milk.version,
      goods: {
        code: milk.code,
        name: milk.name,
        units: [
          { name: '袋', ratio: '1', isBase: true, barcode: '6901234567890' },
          { name: '箱', ratio: '24', isBase: false, purchasePrice: '50' },
        ],
      },
    });
    for (const [entity, id, what] of [
      ['goods', world.milk, '单据明细'],
      ['warehouses', world.warehouse1, '单据明细'],
      ['counterparties', world.supplier, '单据'],
    ] as const) {
      const error = await refused(engine, 'masterData.delete', { entity, id });
      expect(error.message).toMatch(new RegExp(`仍被 1 个${what} 引用，不能删除；可以停用它。$`));
      await act(engine, 'masterData.setActive', { entity, id, active: false });
    }
  });

  it('a keeper sees and confirms only the warehouses they keep', async () => {
    const { engine, adminSession } = await beijingLedger();
    const world = await stockWorld(engine);
    const keeper = await createAccount(engine, adminSession, {
      username: 'cangguan',
      displayName: '王仓管',
      role: 'keeper',
      password: 'Keeper#2026',
    });
    const warehouse = await act(engine, 'warehouses.get', { id: world.warehouse1 });
    await act(engine, 'warehouses.save', {
      id: world.warehouse1,
      version: warehouse.version,
      warehouse: { code: warehouse.code, name: warehouse.name, keeperIds: [keeper.id] },
    });
    const id = await enterAndApprove(
      engine,
      receipt(world, '2026-11-02', [
        { warehouseId: world.warehouse1, unitName: '箱', quantity: '1', unitPrice: '48' },
        { warehouseId: world.warehouse2, unitName: '箱', quantity: '1', unitPrice: '48' },
      ]),
    );
    const session = (await callOk(engine, 'auth.login', { username: 'cangguan', password: 'Keeper#2026' }))
      .session;
    const queue = await callOk(engine, 'warehouse.queue', {}, session);
    expect(queue.map((entry) => [entry.number, entry.warehouseName, entry.direction])).toEqual([
      ['CR20261102-0001', '一号仓', 'in'],
    ]);
    const refusal = await engine.call(
      { method: 'warehouse.confirm', input: { documentId: id, warehouseId: world.warehouse2 }, session },
      testSource,
    );
    expect(refusal.ok ? null : refusal.error).toMatchObject({
      code: 'FORBIDDEN',
      message: '您不是【二号仓】的仓管员，不能确认该仓库的出入库。',
    });
    await callOk(engine, 'warehouse.confirm', { documentId: id, warehouseId: world.warehouse1 }, session);
    // Confirming is the keeper's; approving is not.
    const clerk = await engine.call({ method: 'documents.approve', input: { id }, session }, testSource);
    expect(clerk.ok ? null : clerk.error.code).toBe('FORBIDDEN');
  });
});
