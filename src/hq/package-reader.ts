import { createHash, type Hash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import {
  manifestSchema,
  packageFormatVersion,
  sectionSpecs,
  type PackageManifest,
  type RowLine,
} from '../shared/upload/package-format';
import { FigureSums } from './control-totals';
import { HqRefusal, malformed } from './refusal';

/** How far a package may unpack: a 32 MiB gzip body can otherwise expand into gigabytes. */
export interface ReaderLimits {
  maxUnpackedBytes: number;
  maxLineBytes: number;
}

export const defaultReaderLimits: ReaderLimits = {
  maxUnpackedBytes: 2 * 1024 ** 3,
  maxLineBytes: 16 * 1024 ** 2,
};

interface Line {
  bytes: Buffer;
  terminated: boolean;
}

/**
 * The unpacked body, the lines of one inflated chunk at a time (an await per chunk, not per line),
 * without holding more than a chunk and one unfinished line in memory.
 */
async function* lineChunksOf(body: Buffer, limits: ReaderLimits): AsyncGenerator<Line[]> {
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  gunzip.end(body);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let unpacked = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      unpacked += chunk.length;
      if (unpacked > limits.maxUnpackedBytes) {
        throw malformed(`数据包解压后超过 ${limits.maxUnpackedBytes} 字节的上限`);
      }
      const lines: Line[] = [];
      let start = 0;
      for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, end);
        lines.push({
          bytes: pending.length > 0 ? Buffer.concat([...pending, piece]) : piece,
          terminated: true,
        });
        pending = [];
        pendingBytes = 0;
        start = end + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > limits.maxLineBytes)
          throw malformed(`数据包中有一行超过 ${limits.maxLineBytes} 字节`);
      }
      if (lines.length > 0) yield lines;
    }
  } catch (error) {
    if (error instanceof HqRefusal) throw error;
    throw malformed(`数据包不是完整的 gzip 数据：${(error as Error).message}`);
  }
  if (pendingBytes > 0) yield [{ bytes: Buffer.concat(pending), terminated: false }];
}

type ParsedLine = { kind: 'row'; row: RowLine } | { kind: 'manifest'; manifest: unknown };

function parseLine(line: Line, lineNumber: number): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line.bytes.toString('utf8'));
  } catch {
    throw malformed(`数据包第 ${lineNumber} 行不是有效的 JSON`);
  }
  if (typeof value === 'object' && value !== null && 'manifest' in value) {
    return { kind: 'manifest', manifest: value.manifest };
  }
  const row = value as Partial<RowLine> | null;
  if (
    typeof row !== 'object' ||
    row === null ||
    typeof row.s !== 'string' ||
    row.s === '' ||
    !(row.p === null || (typeof row.p === 'string' && row.p !== '')) ||
    typeof row.r !== 'object' ||
    row.r === null ||
    Array.isArray(row.r)
  ) {
    throw malformed(`数据包第 ${lineNumber} 行不是数据行（应为 {"s":分节,"p":期间,"r":{…}}）`);
  }
  if (!line.terminated) throw malformed('数据包缺少结尾的清单行');
  return { kind: 'row', row: row as RowLine };
}

/** Whether the section's rows are per period; a section head office does not know says so by its period. */
function isPerPeriod(section: string, period: string | null): boolean {
  return Object.hasOwn(sectionSpecs, section)
    ? sectionSpecs[section as keyof typeof sectionSpecs].perPeriod
    : period !== null;
}

function totalledFields(section: string): readonly string[] {
  return Object.hasOwn(sectionSpecs, section)
    ? sectionSpecs[section as keyof typeof sectionSpecs].totalled
    : [];
}

const partKey = (section: string, period: string | null) => JSON.stringify([section, period]);
const describePart = (section: string, period: string | null) =>
  period === null ? `分节 ${section}` : `分节 ${section} 期间 ${period}`;

interface PartTally {
  section: string;
  period: string | null;
  rows: number;
  hash: Hash;
  sums: FigureSums;
}

function checkRow(row: RowLine, lineNumber: number): void {
  const perPeriod = isPerPeriod(row.s, row.p);
  if (perPeriod && row.p === null)
    throw malformed(`数据包第 ${lineNumber} 行：按期间的分节 ${row.s} 缺少期间`);
  if (!perPeriod && row.p !== null)
    throw malformed(`数据包第 ${lineNumber} 行：分节 ${row.s} 不按期间，却带有期间`);
  if (!perPeriod && (typeof row.r.uid !== 'string' || row.r.uid === '')) {
    throw malformed(`数据包第 ${lineNumber} 行：分节 ${row.s} 的数据行缺少 uid`);
  }
}

function controlTotals(message: string): HqRefusal {
  return new HqRefusal(422, { error: 'control_totals', message });
}

/** The manifest's promises against what the rows hold: rows, sha256 and every control total, part by part. */
function checkAgainstManifest(manifest: PackageManifest, tallies: Map<string, PartTally>): void {
  const periodKeys = new Set(manifest.periods.map((period) => period.key));
  const listed = new Set<string>();
  for (const part of manifest.sections) {
    const key = partKey(part.section, part.period);
    const where = describePart(part.section, part.period);
    if (listed.has(key)) throw malformed(`清单重复列出了${where}`);
    listed.add(key);
    if (isPerPeriod(part.section, part.period) !== (part.period !== null)) {
      throw malformed(`清单中${where}的期间与分节是否按期间不符`);
    }
    if (part.period !== null && !periodKeys.has(part.period))
      throw malformed(`清单中${where}的期间未在期间列表中`);
    if (part.part > part.parts)
      throw malformed(`清单中${where}的分片序号 ${part.part} 大于分片数 ${part.parts}`);
    const tally = tallies.get(key) ?? {
      section: part.section,
      period: part.period,
      rows: 0,
      hash: createHash('sha256'),
      sums: new FigureSums(),
    };
    if (tally.rows !== part.rows)
      throw controlTotals(`${where}：实有 ${tally.rows} 行，清单写的是 ${part.rows} 行`);
    if (tally.hash.digest('hex') !== part.sha256) throw controlTotals(`${where}：数据行的 sha256 与清单不符`);
    for (const field of new Set([...totalledFields(part.section), ...Object.keys(part.totals)])) {
      const stated = part.totals[field];
      if (stated === undefined) throw controlTotals(`${where}：清单缺少字段 ${field} 的合计`);
      const summed = tally.sums.total(field);
      if (summed === null) throw controlTotals(`${where}：有数据行的 ${field} 不是整数`);
      if (BigInt(summed) !== BigInt(stated)) {
        throw controlTotals(`${where}：${field} 合计为 ${summed}，清单写的是 ${stated}`);
      }
    }
  }
  for (const [key, tally] of tallies) {
    if (!listed.has(key))
      throw controlTotals(`数据包含有清单未列出的${describePart(tally.section, tally.period)}`);
  }
}

/**
 * Reads a whole package once, without keeping its rows: hashes each section part's row lines, sums its
 * figures, and checks them against the manifest on the last line. Refuses (HqRefusal) anything malformed,
 * a format it does not read, or a manifest the rows do not match. Returns the checked manifest.
 */
export async function validatePackage(
  body: Buffer,
  limits: ReaderLimits = defaultReaderLimits,
): Promise<PackageManifest> {
  const tallies = new Map<string, PartTally>();
  let manifest: unknown;
  let lineNumber = 0;
  for await (const lines of lineChunksOf(body, limits)) {
    for (const line of lines) {
      lineNumber += 1;
      if (manifest !== undefined) throw malformed(`数据包在清单行之后还有第 ${lineNumber} 行`);
      const parsed = parseLine(line, lineNumber);
      if (parsed.kind === 'manifest') {
        manifest = parsed.manifest ?? null;
        continue;
      }
      const { row } = parsed;
      checkRow(row, lineNumber);
      const key = partKey(row.s, row.p);
      let tally = tallies.get(key);
      if (!tally) {
        tally = {
          section: row.s,
          period: row.p,
          rows: 0,
          hash: createHash('sha256'),
          sums: new FigureSums(),
        };
        tallies.set(key, tally);
      }
      tally.rows += 1;
      tally.hash.update(line.bytes).update('\n');
      tally.sums.add(row.r);
    }
  }
  if (manifest === undefined) throw malformed('数据包缺少结尾的清单行');
  const format =
    typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, 'format') : undefined;
  if (format !== packageFormatVersion) {
    throw new HqRefusal(415, {
      error: 'unsupported_format',
      message: `总部只接收格式 ${packageFormatVersion} 的数据包，收到的是格式 ${String(format)}`,
    });
  }
  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw malformed(`数据包清单不完整：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  checkAgainstManifest(checked.data, tallies);
  return checked.data;
}

/** The row lines of a package already validated, in order, to apply them: those of one chunk at a time. */
export async function* packageRowChunks(
  body: Buffer,
  limits: ReaderLimits = defaultReaderLimits,
): AsyncGenerator<RowLine[]> {
  let lineNumber = 0;
  for await (const lines of lineChunksOf(body, limits)) {
    const rows: RowLine[] = [];
    for (const line of lines) {
      lineNumber += 1;
      const parsed = parseLine(line, lineNumber);
      if (parsed.kind === 'row') rows.push(parsed.row);
    }
    if (rows.length > 0) yield rows;
  }
}
