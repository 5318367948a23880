import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  chunkBytes,
  InlineCompression,
  ThreadCompression,
  type PackageCompression,
  type PartRange,
} from '../../../src/engine/services/upload/package-compression';
import { PackageWriter } from '../../../src/engine/services/upload/package-writer';
import {
  manifestSchema,
  packageFormatVersion,
  type PackageManifest,
} from '../../../src/shared/upload/package-format';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

const manifestBase: Omit<PackageManifest, 'sections'> = {
  format: packageFormatVersion,
  schemaVersion: 20,
  appVersion: 'test',
  branchCode: 'BJ01',
  branchUid: 'branch-uid',
  packageId: 'package-uid',
  epoch: 1,
  seq: 3,
  prevSha256: null,
  snapshot: false,
  builtAt: '2026-12-03T04:00:00.000Z',
  quantityScale: 2,
  periodKind: 'month',
  periods: [{ kind: 'month', key: '2026-11', from: '2026-11-01', to: '2026-11-30' }],
};

/** A row line as package-format.ts defines it, written out independently of the writer. */
const lineOf = (section: string, period: string | null, rowJson: string) =>
  `{"s":${JSON.stringify(section)},"p":${JSON.stringify(period)},"r":${rowJson}}\n`;

describe('package writer', () => {
  it('writes every line once, in order, with each part’s sha256 and totals, across many chunks compressed on both threads', () => {
    const writer = new PackageWriter();
    const expected: { section: string; period: string | null; lines: string[] }[] = [];

    // Names in Chinese: three bytes a character in UTF-8, so a chunk's bytes are not its characters.
    writer.beginPart('goods', null, []);
    const goods = { section: 'goods', period: null, lines: [] as string[] };
    for (let i = 0; i < 20_000; i += 1) {
      const row = { uid: `g-${i}`, code: `G${i}`, name: `纯牛奶 250ml×${i % 24} 箱` };
      writer.row(row);
      goods.lines.push(lineOf('goods', null, JSON.stringify(row)));
    }
    expected.push(goods);

    // A part's lines made elsewhere (in SQL) with their count and sums, long enough to fill chunks: six
    // or so of a megabyte in all, more than the thread's slots, handed over faster than the thread
    // compresses them, so the build takes some and waits for a slot to come free.
    writer.beginPart('stock_balances', '2026-11', ['quantity', 'value']);
    const stock = { section: 'stock_balances', period: '2026-11', lines: [] as string[] };
    let quantity = 0;
    let value = 0;
    for (let i = 0; i < 30_000; i += 1) {
      const json = `{"goodsUid":"g-${i}","warehouseUid":"w-${i % 5}","quantity":${i * 7},"value":${-i * 13}}`;
      stock.lines.push(lineOf('stock_balances', '2026-11', json));
      quantity += i * 7;
      value -= i * 13;
    }
    expect(stock.lines[0]!.startsWith(writer.linePrefix)).toBe(true);
    writer.lines(Buffer.from(stock.lines.join('')), stock.lines.length, [BigInt(quantity), BigInt(value)]);
    expected.push(stock);
    // Members made so far are taken between parts, as the build stores them: in order, from the first.
    const taken = writer.members();

    writer.beginPart('trade', '2026-11', ['quantity', 'amount', 'cost']);
    const trade = { section: 'trade', period: '2026-11', lines: [] as string[] };
    for (let i = 0; i < 40_000; i += 1)
      trade.lines.push(
        lineOf(
          'trade',
          '2026-11',
          `{"side":"sales","counterpartyUid":"c-${i % 300}","goodsUid":"g-${i}","quantity":${i},"amount":${i * 3},"cost":${i * 2}}`,
        ),
      );
    // Sums past 2^53 arrive whole, as SQL summed them in 64 bits.
    const bigAmount = 2n ** 60n + 7n;
    writer.lines(Buffer.from(trade.lines.join('')), trade.lines.length, [
      799_980_000n,
      bigAmount,
      1_599_960_000n,
    ]);
    expected.push(trade);

    // A part with no rows.
    writer.beginPart('money_balances', '2026-11', ['balance', 'debit', 'credit']);
    expected.push({ section: 'money_balances', period: '2026-11', lines: [] });

    const { members, bytes, sha256: bodySha, manifest } = writer.finish(manifestBase);
    const all = [...taken, ...members];
    expect(taken.length).toBeGreaterThan(0);
    expect(all.map(([index]) => index)).toEqual(all.map((_, index) => index));
    const body = Buffer.concat(all.map(([, member]) => member));
    expect(bytes).toBe(body.length);
    expect(bodySha).toBe(sha256(body));
    const text = gunzipSync(body).toString('utf8');
    const rowLines = expected.flatMap((part) => part.lines).join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(6 * chunkBytes);
    expect(text.startsWith(rowLines)).toBe(true);
    const manifestLine = text.slice(rowLines.length);
    expect(manifestLine.endsWith('\n')).toBe(true);
    const parsed = manifestSchema.parse((JSON.parse(manifestLine) as { manifest: unknown }).manifest);
    expect(parsed).toEqual(manifest);
    expect(manifest.sections.map((part) => [part.section, part.period, part.rows, part.sha256])).toEqual(
      expected.map((part) => [part.section, part.period, part.lines.length, sha256(part.lines.join(''))]),
    );
    expect(manifest.sections.map((part) => part.totals)).toEqual([
      {},
      { quantity: String(quantity), value: String(value) },
      { quantity: '799980000', amount: bigAmount.toString(), cost: '1599960000' },
      { balance: '0', debit: '0', credit: '0' },
    ]);
  });
});

// On the shared thread, and on the calling thread where that one may not wait for another.
describe.each([
  ['on its thread', () => new ThreadCompression()],
  ['inline', () => new InlineCompression()],
])('package compression %s', (_, compressionOf) => {
  /** Writes a chunk into the buffer the compression lends, and hands it over. */
  const handOver = (compression: PackageCompression, text: string, ranges: readonly PartRange[]) =>
    compression.chunk(compression.buffer().write(text), ranges);

  it('gives back every chunk as its own gzip member, the same bytes gzip makes of it on this thread', () => {
    // Twelve chunks: each slot written three times, so a slot is used again only once read.
    const chunks = Array.from({ length: 12 }, (_, n) =>
      Buffer.from(
        Array.from({ length: 20_000 }, (_, i) => `{"n":${n},"i":${i},"名":"货${i % 97}"}\n`).join(''),
      ),
    );
    expect(chunks.every((chunk) => chunk.length <= chunkBytes)).toBe(true);
    const compression = compressionOf();
    for (const chunk of chunks) {
      chunk.copy(compression.buffer());
      compression.chunk(chunk.length, [[0, 0, chunk.length]]);
    }
    const drained = compression.drain();
    const closed = compression.close();
    const members = [...drained, ...closed.members].sort(([a], [b]) => a - b);
    expect(members.map(([index]) => index)).toEqual(chunks.map((_, index) => index));
    members.forEach(([index, member]) => expect(member.equals(gzipSync(chunks[index]!))).toBe(true));
    const { partDigests } = closed;
    expect(partDigests).toEqual([sha256(Buffer.concat(chunks))]);
  });

  it('forgets an abandoned package: the next one closes with only its own chunks', () => {
    const abandoned = compressionOf();
    handOver(abandoned, '{"left":"behind"}\n', [[0, 0, 18]]);
    abandoned.abandon();
    const next = compressionOf();
    handOver(next, 'one\n', [[0, 0, 4]]);
    handOver(next, 'two\n', [
      [0, 0, 2],
      [1, 2, 4],
    ]);
    const { members, partDigests } = next.close();
    const inOrder = [...members].sort(([a], [b]) => a - b);
    expect(inOrder.map(([index]) => index)).toEqual([0, 1]);
    expect(Buffer.concat(inOrder.map(([, member]) => gunzipSync(member))).toString()).toBe('one\ntwo\n');
    expect(partDigests).toEqual([sha256('one\ntw'), sha256('o\n')]);
  });
});

describe('a part’s lines joined in SQL (period-sections.ts)', () => {
  it('come in the order of the subquery the aggregate reads, even where that order needs a sort', () => {
    const sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE figures (goods_id INTEGER, warehouse_id INTEGER, quantity INTEGER)');
    const insert = sqlite.prepare('INSERT INTO figures VALUES (?, ?, ?)');
    // Written in an order unlike the one asked for, with no index to read it in that order.
    for (let i = 0; i < 5_000; i += 1) insert.run((i * 7919) % 5_000, i % 3, i);
    const [text, count, total] = sqlite
      .prepare(
        "SELECT group_concat(line, ''), count(*), sum(t0) FROM (" +
          "SELECT ? || json_object('g', goods_id, 'w', warehouse_id) || '}' || char(10) AS line, quantity AS t0 " +
          "FROM figures UNION ALL SELECT ? || json_object('g', -1, 'w', 0) || '}' || char(10), 0 " +
          'ORDER BY 1)',
      )
      .raw(true)
      .safeIntegers(true)
      .get('P', 'P') as [string, bigint, bigint];
    const lines = text.trimEnd().split('\n');
    expect(lines).toEqual([...lines].sort());
    expect(Number(count)).toBe(5_001);
    expect(total).toBe(BigInt((4_999 * 5_000) / 2));
    sqlite.close();
  });
});
