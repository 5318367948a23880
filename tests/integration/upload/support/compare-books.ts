import { expect } from 'vitest';
import { monthEnd } from '../../../../src/engine/domain/calendar/calendar';
import { quantityText } from '../../../../src/engine/services/reports/report-figures';
import { act } from '../../support/stock';
import type { UploadWorld } from './upload-world';

const fen = (text: string | null) => Math.round(Number(text ?? '0') * 100);

/** All rows head office holds for the branch's section × period (every part). */
async function heldRows(world: UploadWorld, section: string, period: string) {
  const parts = (await world.store.heldPeriodParts('BJ01')).filter(
    (part) => part.section === section && part.period === period,
  );
  const rows: Record<string, unknown>[] = [];
  for (const part of parts)
    rows.push(...(await world.store.periodPartRows('BJ01', section, period, part.part)));
  return rows;
}

function uidsOf(world: UploadWorld, table: string): Map<string, string> {
  const rows = world.engine.db.$client.prepare(`SELECT uid, code FROM ${table}`).all() as {
    uid: string;
    code: string;
  }[];
  return new Map(rows.map((row) => [row.uid, row.code]));
}

/**
 * The comparison every fault case ends with (issue 12): head office's figures for the branch equal the
 * branch's own reports — 库存余额 and 进销存汇总 per month, sales by customer (毛利 revenue), 往来余额 —
 * and it holds each period once, with no seq missing.
 */
export async function headOfficeMatchesBranch(world: UploadWorld): Promise<void> {
  const goods = uidsOf(world, 'goods');
  const warehouses = uidsOf(world, 'warehouses');
  const counterparties = uidsOf(world, 'counterparties');
  const held = await world.store.heldPeriodParts('BJ01');
  const months = [
    ...new Set(held.filter((part) => part.section === 'stock_balances').map((part) => part.period)),
  ].sort();
  expect(months.length).toBeGreaterThan(0);
  // One piece 1 per section × period: a re-sent period replaced, never added.
  const firsts = held.filter((part) => part.part === 1).map((part) => `${part.section}/${part.period}`);
  expect(new Set(firsts).size).toBe(firsts.length);

  for (const month of months) {
    const to = monthEnd(month);
    const report = await act(world.engine, 'reports.stockBalance', { asOf: to });
    const expected = report.rows
      .map((row) => `${row.goodsCode}@${row.warehouseCode} ${row.quantity} ${row.value}`)
      .sort();
    const actual = (await heldRows(world, 'stock_balances', month))
      .map((row) => {
        const quantity = quantityText(Number(row.quantity), 2);
        const value = (Number(row.value) / 100).toFixed(2);
        return `${goods.get(String(row.goodsUid))}@${warehouses.get(String(row.warehouseUid))} ${quantity} ${value}`;
      })
      .sort();
    expect(actual, `库存余额 ${month}`).toEqual(expected);

    const summary = await act(world.engine, 'reports.periodSummary', { from: `${month}-01`, to });
    const moved = (await heldRows(world, 'movement_summary', month)).reduce(
      (sum, row) => sum + Math.abs(Number(row.value)),
      0,
    );
    expect(moved, `进销存汇总 ${month}`).toBe(
      fen(summary.totals.inValue) +
        fen(summary.totals.outValue) +
        Math.abs(fen(summary.totals.adjustmentValue)),
    );

    const profit = await act(world.engine, 'reports.grossProfit', {
      from: `${month}-01`,
      to,
      groupBy: 'customer',
    });
    const revenueByCustomer = new Map<string, number>();
    for (const row of await heldRows(world, 'trade', month)) {
      if (row.side !== 'sales') continue;
      const code = counterparties.get(String(row.counterpartyUid)) ?? '';
      revenueByCustomer.set(code, (revenueByCustomer.get(code) ?? 0) + Number(row.amount));
    }
    const expectedRevenue = new Map(
      profit.rows.filter((row) => row.code).map((row) => [row.code!, fen(row.revenue)]),
    );
    expect(revenueByCustomer, `销售 ${month}`).toEqual(expectedRevenue);
  }

  const lastMonth = months.at(-1)!;
  const balances = await act(world.engine, 'money.balances', { side: 'receivable' });
  const held_ = (await heldRows(world, 'money_balances', lastMonth)).filter(
    (row) => row.side === 'receivable',
  );
  expect(
    new Map(held_.map((row) => [counterparties.get(String(row.counterpartyUid)), Number(row.balance)])),
    '应收余额',
  ).toEqual(new Map(balances.map((row) => [row.code, fen(row.balance)])));

  const acked = world.engine.db.$client
    .prepare(
      "SELECT epoch, max(seq) AS seq, count(*) AS n FROM upload_outbox WHERE state = 'acked' GROUP BY epoch ORDER BY epoch DESC LIMIT 1",
    )
    .get() as { epoch: number; seq: number; n: number };
  const state = await world.store.readState('BJ01');
  expect({ epoch: state?.epoch, lastSeq: state?.lastSeq }, '总部的批次与序号').toEqual({
    epoch: acked.epoch,
    lastSeq: acked.seq,
  });
  expect(acked.n, '无缺号').toBe(acked.seq);
}
