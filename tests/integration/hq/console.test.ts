import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  GoodsAnswer,
  GoodsStockRow,
  GoodsSalesRow,
  OverviewAnswer,
  SalesSummaryRow,
  StockSummaryRow,
  SummaryAnswer,
} from '../../../src/shared/hq-console/console-api';
import { startHq, type RunningHq } from '../../../src/hq/server';
import type { HqStore } from '../../../src/hq/store/hq-store';
import { openPgStore } from '../../../src/hq/store/pg-store';
import { openSqliteStore } from '../../../src/hq/store/sqlite-store';
import { ensureTlsIdentity } from '../../../src/hq/tls-identity';
import {
  august,
  beijingBranch,
  categoryOfGoods,
  guangzhouBranch,
  october,
  packagesOf,
  refusedPackageOf,
  shanghaiBranch,
  uploadedRows,
  week43,
  week44,
  week45,
  type ConsoleBranch,
} from '../support/console-branches';
import { putPackage, request, type HqEndpoint } from '../support/hq-client';
import { storeKinds } from '../support/hq-world';
import { startPgCluster, type PgCluster } from '../support/pg-cluster';

/*
 * The head-office console's answers, over real HTTPS with its token, on both stores. Head office is fed
 * by signed uploads of two branches (console-branches.ts): BJ01 monthly with September missing and a
 * package refused for its totals; SH02 weekly, last heard from three days ago; GZ03 never. Every expected
 * figure is summed here from the rows the branches uploaded.
 */

const token = 'console-token-for-tests-0123456789';
const hourMs = 3_600_000;

type Figures = Record<string, bigint>;

/** A page of the console as the browser fetches it: no token (the page itself is not secret), text. */
function fetchPage(endpoint: HqEndpoint, pathname: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
    (resolve, reject) => {
      https
        .get(
          { host: '127.0.0.1', port: endpoint.port, path: pathname, ca: endpoint.ca, agent: false },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
          },
        )
        .on('error', reject);
    },
  );
}

/** What a branch uploaded of `section` in the given periods, summed per month × category. */
function expectedByCategory(
  branch: ConsoleBranch,
  section: 'stock_balances' | 'trade',
  periodsOfMonth: Record<string, string[]>,
  fields: string[],
): Map<string, Figures> {
  const categories = categoryOfGoods(branch);
  const sums = new Map<string, Figures>();
  for (const [month, periods] of Object.entries(periodsOfMonth)) {
    for (const row of periods.flatMap((period) => uploadedRows(branch, section, period))) {
      if (section === 'trade' && row.side !== 'sales') continue;
      const key = `${branch.code}|${month}|${categories.get(String(row.goodsUid))}`;
      const figures = sums.get(key) ?? Object.fromEntries(fields.map((field) => [field, 0n]));
      for (const field of fields) figures[field]! += BigInt(String(row[field]));
      sums.set(key, figures);
    }
  }
  return sums;
}

function keyed<Row extends { branchCode: string; month: string; category: string }>(
  rows: Row[],
  figures: (row: Row) => Figures,
): Map<string, Figures> {
  return new Map(rows.map((row) => [`${row.branchCode}|${row.month}|${row.category}`, figures(row)]));
}

describe.each(storeKinds)('head-office console (%s)', (kind) => {
  let cluster: PgCluster | undefined;
  let store: HqStore;
  let hq: RunningHq;
  let endpoint: HqEndpoint;
  let dir: string;
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };

  const get = async <T>(pathAndQuery: string, bearer: string | null = token) => {
    const answer = await request(
      endpoint,
      'GET',
      pathAndQuery,
      bearer ? { authorization: `Bearer ${bearer}` } : {},
    );
    return { status: answer.status, headers: answer.headers, json: answer.json as T };
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-console-'));
    if (kind === 'pg') cluster = await startPgCluster();
    store =
      kind === 'pg'
        ? await openPgStore(await cluster!.createDatabase())
        : await openSqliteStore(path.join(dir, 'hq.db'));
    const identity = await ensureTlsIdentity(dir, []);
    const staticRoot = path.join(dir, 'console');
    fs.mkdirSync(staticRoot);
    fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>总部控制台</title>');
    hq = await startHq({
      store,
      port: 0,
      host: '127.0.0.1',
      tls: { key: identity.key, cert: identity.cert },
      clock,
      console: { token, staticRoot },
    });
    endpoint = { port: hq.port, ca: identity.cert };
    for (const branch of [beijingBranch, shanghaiBranch, guangzhouBranch]) {
      await store.addBranch(branch, new Date(Date.now() - 30 * 24 * hourMs).toISOString());
    }

    // Shanghai sent its weeks three days ago, and nothing since.
    clock.offsetMs = -72 * hourMs;
    for (const pkg of packagesOf(shanghaiBranch)) {
      expect((await putPackage(endpoint, shanghaiBranch, pkg, { at: clock.now() })).status).toBe(200);
    }
    clock.offsetMs = 0;
    const beijing = packagesOf(beijingBranch);
    for (const pkg of beijing) expect((await putPackage(endpoint, beijingBranch, pkg)).status).toBe(200);
    const refused = await putPackage(
      endpoint,
      beijingBranch,
      refusedPackageOf(beijingBranch, beijing.at(-1)!),
    );
    expect(refused.status).toBe(422);
  }, 60_000);

  afterAll(async () => {
    await hq?.close();
    await store?.close();
    await cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 401 in Chinese without the token or with a wrong one, and serves the page itself without one', async () => {
    for (const bearer of [null, 'not-the-token']) {
      const refused = await get<{ message: string }>('/console/api/overview', bearer);
      expect(refused.status).toBe(401);
      expect(refused.json.message).toContain('控制台访问令牌');
    }
    const page = await fetchPage(endpoint, '/console/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('总部控制台');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    // The branches' endpoints are as they were: a stranger gets the wire's refusal, not the console's.
    expect((await request(endpoint, 'GET', '/v1/branches/BJ01/state', {})).status).toBe(401);
  });

  it('lists every branch with its last upload, lag, gaps and refused packages', async () => {
    const { status, json } = await get<OverviewAnswer>('/console/api/overview');
    expect(status).toBe(200);
    const [bj, gz, sh] = json.branches;
    expect(json.branches.map((b) => b.code)).toEqual(['BJ01', 'GZ03', 'SH02']);

    expect(bj).toMatchObject({
      name: '北京分公司',
      epoch: 1,
      lastSeq: 2,
      packages: 2,
      rejections: 1,
      lagHours: 0,
    });
    expect(bj!.latestPeriod).toEqual({ key: october.key, kind: 'month', to: october.to });
    expect(bj!.latestRejection).toMatchObject({ error: 'control_totals' });
    expect(bj!.gaps).toEqual([
      { section: 'stock_balances', from: '2026-09-01', to: '2026-09-30', label: '2026-09' },
      { section: 'trade', from: '2026-09-01', to: '2026-09-30', label: '2026-09' },
    ]);
    expect(bj!.flags).toEqual(['rejected', 'gaps']);

    expect(sh).toMatchObject({ lastSeq: 2, packages: 2, rejections: 0, gaps: [], flags: ['lagging'] });
    expect(sh!.lagHours).toBeGreaterThanOrEqual(71);
    expect(sh!.lagHours).toBeLessThanOrEqual(72);
    expect(sh!.latestPeriod).toEqual({ key: week45.key, kind: 'week', to: week45.to });

    expect(gz).toMatchObject({ packages: 0, lastUploadAt: null, lagHours: null, flags: ['never_uploaded'] });

    // Disabled by head office: said first, and what else is true of it still said.
    await store.setBranchDisabled(guangzhouBranch.code, true);
    try {
      const after = await get<OverviewAnswer>('/console/api/overview');
      expect(after.json.branches.find((b) => b.code === 'GZ03')!.flags).toEqual([
        'disabled',
        'never_uploaded',
      ]);
    } finally {
      await store.setBranchDisabled(guangzhouBranch.code, false);
    }
  });

  it('sums stock value by branch × month × top-level category, each month at its last balance held', async () => {
    const { json } = await get<SummaryAnswer<StockSummaryRow>>('/console/api/stock');
    // Nothing asked: the last 12 months held, which here is all of them.
    expect(json.available).toEqual({ from: '2026-08', to: '2026-11' });
    expect(json.range).toEqual({ from: '2026-08', to: '2026-11' });
    const expected = new Map([
      ...expectedByCategory(
        beijingBranch,
        'stock_balances',
        { '2026-08': [august.key], '2026-10': [october.key] },
        ['value'],
      ),
      // A week's balance is as at its last day: October's is week 43's (to 10-25), November's week 45's.
      ...expectedByCategory(
        shanghaiBranch,
        'stock_balances',
        { '2026-10': [week43.key], '2026-11': [week45.key] },
        ['value'],
      ),
    ]);
    expect(keyed(json.rows, (row) => ({ value: BigInt(row.value) }))).toEqual(expected);
    // The two branches' drinks meet by name: 饮料/碳酸饮料 of Beijing and 饮料 of Shanghai are both 饮料.
    // Categories by pinyin, 日化 (rì) before 饮料 (yǐn), and 未分类 last.
    expect(
      json.rows.filter((row) => row.month === '2026-10').map((r) => `${r.branchCode} ${r.category}`),
    ).toEqual(['BJ01 饮料', 'BJ01 未分类', 'SH02 日化', 'SH02 饮料']);
    expect(json.rows[0]).toMatchObject({ branchName: '北京分公司' });
  });

  it('narrows the summaries to the months asked, and refuses a month that is not one', async () => {
    const { json } = await get<SummaryAnswer<StockSummaryRow>>('/console/api/stock?from=2026-10&to=2026-10');
    expect(json.range).toEqual({ from: '2026-10', to: '2026-10' });
    expect(new Set(json.rows.map((row) => row.month))).toEqual(new Set(['2026-10']));
    const wrong = await get<{ message: string }>('/console/api/sales?from=2026-13');
    expect(wrong.status).toBe(400);
    expect(wrong.json.message).toBe('月份 2026-13 无效，应为 YYYY-MM，例如 2026-03');
  });

  it('sums sales and their cost of every period ending in the month, purchases left out', async () => {
    const { json } = await get<SummaryAnswer<SalesSummaryRow>>('/console/api/sales');
    const expected = new Map([
      ...expectedByCategory(beijingBranch, 'trade', { '2026-08': [august.key], '2026-10': [october.key] }, [
        'amount',
        'cost',
      ]),
      // Week 44 runs 10-26～11-01: it counts in November, the month it ends in.
      ...expectedByCategory(
        shanghaiBranch,
        'trade',
        { '2026-10': [week43.key], '2026-11': [week44.key, week45.key] },
        ['amount', 'cost'],
      ),
    ]);
    expect(keyed(json.rows, (row) => ({ amount: BigInt(row.amount), cost: BigInt(row.cost) }))).toEqual(
      expected,
    );
    for (const row of json.rows) expect(BigInt(row.margin)).toBe(BigInt(row.amount) - BigInt(row.cost));
  });

  it('drills into a branch: its months and categories, and the goods of one category', async () => {
    const branchOnly = await get<SummaryAnswer<StockSummaryRow>>('/console/api/stock?branch=SH02');
    expect(new Set(branchOnly.json.rows.map((row) => row.branchCode))).toEqual(new Set(['SH02']));
    expect(branchOnly.json.available).toEqual({ from: '2026-10', to: '2026-11' });

    const stock = await get<GoodsAnswer<GoodsStockRow>>(
      `/console/api/branches/BJ01/goods?report=stock&month=2026-10&category=${encodeURIComponent('饮料')}`,
    );
    // 矿泉水 in two warehouses adds up: 420 + 100 瓶.
    const octoberRows = uploadedRows(beijingBranch, 'stock_balances', october.key);
    const valueOf = (goodsUid: string) =>
      String(
        octoberRows
          .filter((r) => r.goodsUid === goodsUid)
          .reduce((sum, r) => sum + BigInt(String(r.value)), 0n),
      );
    expect(stock.json.rows).toEqual([
      {
        goodsUid: 'BJ-G1',
        code: '6901',
        name: '可口可乐 330ml',
        spec: '',
        baseUnit: '罐',
        quantity: '300',
        value: valueOf('BJ-G1'),
      },
      {
        goodsUid: 'BJ-G2',
        code: '6902',
        name: '矿泉水 550ml',
        spec: '',
        baseUnit: '瓶',
        quantity: '520',
        value: valueOf('BJ-G2'),
      },
    ]);
    const loose = await get<GoodsAnswer<GoodsStockRow>>(
      `/console/api/branches/BJ01/goods?report=stock&month=2026-10&category=${encodeURIComponent('未分类')}`,
    );
    expect(loose.json.rows.map((row) => [row.name, row.quantity, row.baseUnit])).toEqual([
      ['散装糖果', '7.25', '千克'],
    ]);

    const sales = await get<GoodsAnswer<GoodsSalesRow>>(
      `/console/api/branches/BJ01/goods?report=sales&month=2026-08&category=${encodeURIComponent('饮料')}`,
    );
    // 矿泉水's purchase in August is not a sale.
    expect(sales.json.rows.map((row) => [row.code, row.quantity, row.amount, row.cost, row.margin])).toEqual([
      ['6901', '100', '35000', '25000', '10000'],
      ['6902', '200', '40000', '30000', '10000'],
    ]);
    expect((await get('/console/api/branches/XX99/goods?report=stock&month=2026-10&category=x')).status).toBe(
      404,
    );
  });
});
