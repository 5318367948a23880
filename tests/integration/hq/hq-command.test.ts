import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHq } from '../../../src/hq/main';
import { putPackage } from '../support/hq-client';
import { beijing, storeKinds, useHqWorld } from '../support/hq-world';
import { april, march, stockRows, writeTestPackage } from '../support/test-packages';

/** Runs `npm run hq -- …args` in-process and keeps what it printed. */
async function hq(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runHq(args, { log: (line) => out.push(line), error: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** seq 1: March stock (12 units, ¥100.00; 3.5 units, ¥35.00) and April sales of one goods. */
const snapshot = () =>
  writeTestPackage({
    branchCode: beijing.code,
    epoch: 1,
    seq: 1,
    prevSha256: null,
    parts: [
      { section: 'stock_balances', period: march.key, rows: stockRows([12_000, 10_000], [3_500, 3_500]) },
      {
        section: 'trade',
        period: april.key,
        rows: [
          {
            side: 'sales',
            counterpartyUid: 'K1',
            goodsUid: 'G1',
            quantity: 2_000,
            amount: 700,
            cost: 500,
          },
        ],
      },
    ],
  });

describe.each(storeKinds)('the hq command (%s)', (kind) => {
  const world = useHqWorld(kind);

  it('serve refuses a mistyped option before it makes anything', async () => {
    const data = path.join(world.dir, 'serve-data');
    const missing = path.join(world.dir, 'no-such-ca.pem');
    const cases: [string[], string][] = [
      [['--max-receives', '八'], '选项 --max-receives 须是不小于 1 的整数，收到的是 八'],
      [['--mtls-crl', 'ca.crl'], '--mtls-crl 须与 --mtls-ca 一起给出：吊销列表属于签发分支证书的 CA'],
      [['--mtls-ca', missing], `找不到选项 --mtls-ca 给出的文件 ${missing}`],
    ];
    for (const [args, message] of cases) {
      const answer = await hq(['serve', ...world.storeArgs, '--data', data, ...args]);
      expect(answer).toMatchObject({ code: 2, err: message });
    }
    expect(fs.existsSync(path.join(data, 'hq-cert.pem'))).toBe(false);
  });

  it('refuses a carried file of a disabled branch, and keeps the refusal where the console shows it', async () => {
    const file = path.join(world.dir, 'BJ01-1-1.gz');
    fs.writeFileSync(file, snapshot().body);
    expect((await hq(['branch', 'disable', beijing.code, ...world.storeArgs])).code).toBe(0);
    const refused = await hq(['import', file, ...world.storeArgs]);
    expect(refused).toMatchObject({ code: 1, err: '总部拒收（branch_disabled）：分支 BJ01 已被总部停用' });
    expect(await world.store.rowCounts(beijing.code)).toEqual({});
    expect((await world.store.rejections(beijing.code)).map((r) => [r.error, r.seq])).toEqual([
      ['branch_disabled', 1],
    ]);
  });

  it('imports a carried package file once: the second import is a replay and changes nothing', async () => {
    const pkg = snapshot();
    const file = path.join(world.dir, 'BJ01-1-1.gz');
    fs.writeFileSync(file, pkg.body);

    const first = await hq(['import', file, ...world.storeArgs]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('已导入第 1 代第 1 号数据包');
    const counts = await world.store.rowCounts(beijing.code);
    expect(counts).toEqual({ stock_balances: 2, trade: 1 });

    const second = await hq(['import', file, ...world.storeArgs]);
    expect(second.code).toBe(0);
    expect(second.out).toContain('导入过，未作任何改动');
    expect(await world.store.rowCounts(beijing.code)).toEqual(counts);
    expect(await world.store.readState(beijing.code)).toEqual({
      epoch: 1,
      lastSeq: 1,
      lastSha256: pkg.sha256,
    });
  });

  it('refuses to import a file whose totals do not match, and says why', async () => {
    const pkg = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 1,
      prevSha256: null,
      parts: [{ section: 'stock_balances', period: march.key, rows: stockRows([12_000, 10_000]) }],
      corrupt: (manifest) => {
        manifest.sections[0]!.rows = 2;
      },
    });
    const file = path.join(world.dir, 'bad.gz');
    fs.writeFileSync(file, pkg.body);
    const answer = await hq(['import', file, ...world.storeArgs]);
    expect(answer.code).toBe(1);
    expect(answer.err).toContain('总部拒收（control_totals）');
    expect(answer.err).toContain('实有 1 行，清单写的是 2 行');
    expect(await world.store.rowCounts(beijing.code)).toEqual({});
  });

  it('verify reports 一致 for what was received, and 不一致 once a stored row was changed', async () => {
    expect((await putPackage(world.endpoint, beijing, snapshot())).status).toBe(200);
    const clean = await hq(['verify', beijing.code, ...world.storeArgs]);
    expect(clean.code).toBe(0);
    expect(clean.out.split('\n')).toEqual(['stock_balances\t2026-03\t一致', 'trade\t2026-04\t一致']);

    await world.execSql(`UPDATE hq_stock_balances SET value = value + 1 WHERE ordinal = 1`);
    const tampered = await hq(['verify', beijing.code, ...world.storeArgs]);
    expect(tampered.code).toBe(1);
    expect(tampered.out.split('\n')).toEqual([
      'stock_balances\t2026-03\t不一致\tvalue：存储合计 13501，清单 13500',
      'trade\t2026-04\t一致',
    ]);
  });

  it('keeps sections it does not know as JSON rows, upserts them by uid, and verifies their totals', async () => {
    const first = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 1,
      prevSha256: null,
      parts: [
        { section: 'promotions', period: null, rows: [{ uid: 'HT-1', status: 'open' }] },
        {
          section: 'channel_funds',
          period: april.key,
          totalled: ['amount'],
          rows: [
            { channelUid: 'Q1', amount: '90071992547409930' },
            { channelUid: 'Q2', amount: 7 },
          ],
        },
      ],
    });
    expect((await putPackage(world.endpoint, beijing, first)).status).toBe(200);
    const second = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 2,
      prevSha256: first.sha256,
      parts: [{ section: 'promotions', period: null, rows: [{ uid: 'HT-1', status: 'closed' }] }],
    });
    expect((await putPackage(world.endpoint, beijing, second)).status).toBe(200);
    expect(await world.store.rowCounts(beijing.code)).toEqual({ promotions: 1, channel_funds: 2 });
    expect(await world.store.periodPartRows(beijing.code, 'channel_funds', april.key, 1)).toEqual([
      { channelUid: 'Q1', amount: '90071992547409930' },
      { channelUid: 'Q2', amount: 7 },
    ]);
    const verified = await hq(['verify', beijing.code, ...world.storeArgs]);
    expect(verified.out).toBe('channel_funds\t2026-04\t一致');
  });

  it('adds a branch with a new secret shown once, lists it, and disables it', async () => {
    const added = await hq(['branch', 'add', 'SH02', '--name', '上海分公司', ...world.storeArgs]);
    expect(added.code).toBe(0);
    const secret = /密钥（只显示这一次，请妥善转交分支）：(\S+)/.exec(added.out)?.[1];
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await world.store.findBranch('SH02'))?.secret).toBe(secret);
    expect((await hq(['branch', 'add', 'SH02', ...world.storeArgs])).code).toBe(1);

    expect((await hq(['branch', 'disable', 'SH02', ...world.storeArgs])).code).toBe(0);
    const listed = await hq(['branch', 'list', ...world.storeArgs]);
    expect(listed.out.split('\n')).toEqual([
      'BJ01\t北京分公司\t启用\t第 0 代第 0 号',
      'SH02\t上海分公司\t已停用\t第 0 代第 0 号',
    ]);
  });
});
