import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { PackageManifest, SectionPart } from '../../../shared/upload/package-format';
import { packageCompression, type PartRange } from './package-compression';
import type { UploadRow } from './upload-section';

/** Text gathered before it is compressed: the package streams, so memory holds a few of these, not the package. */
const chunkChars = 1 << 20;

/**
 * A control total: summed as a plain number while it stays exact (every amount and quantity is an
 * integer, and a month's sums stay far below 2^53), carried over into a BigInt past that; or given
 * whole, as SQL summed it.
 */
class ControlTotal {
  private exact = 0;
  private carried = 0n;

  add(value: number): void {
    const sum = this.exact + value;
    if (Number.isSafeInteger(sum)) this.exact = sum;
    else {
      this.carried += BigInt(this.exact) + BigInt(value);
      this.exact = 0;
    }
  }

  /** A sum made elsewhere (in SQL, exact in 64 bits). */
  addSum(sum: bigint): void {
    this.carried += sum;
  }

  toString(): string {
    return (this.carried + BigInt(this.exact)).toString();
  }
}

interface OpenPart {
  section: string;
  period: string | null;
  totalled: readonly string[];
  /** The text every row line starts with: `{"s":…,"p":…,"r":`. */
  prefix: string;
  /** Its index among the package's parts: how its text is named to the compression thread. */
  index: number;
  rows: number;
  totals: ControlTotal[];
}

/** The sha256 of a part with no rows. */
const emptyDigest = createHash('sha256').digest('hex');

/**
 * Writes one package (package-format.ts): row lines as they come, a chunk at a time to the compression
 * thread (package-compression.ts), which gzips each into a member of its own (a gzip stream may hold
 * several; every reader decompresses them as one) and sums each section part's sha256; the manifest
 * last. Each part's control totals are summed here while its rows pass.
 *
 * A row comes as an object, or as its JSON text already made (SQLite's json_object, for the period
 * figures: tens of thousands of rows a month), a part's lines at once with their totals summed. Either
 * way the line is the same text.
 */
export class PackageWriter {
  private readonly compression = packageCompression();
  private pending: string[] = [];
  private pendingChars = 0;
  /** The part ranges of the pending chunk, and where the open part's text in it begins. */
  private ranges: PartRange[] = [];
  private openStart = 0;
  /** The parts ended so far, their sha256 still to come from the compression thread. */
  private readonly parts: SectionPart[] = [];
  private open: OpenPart | null = null;
  /** Characters written so far, before compression: what a size budget is held against. */
  textLength = 0;

  beginPart(section: string, period: string | null, totalled: readonly string[]): void {
    this.endPart();
    this.open = {
      section,
      period,
      totalled,
      prefix: `{"s":${JSON.stringify(section)},"p":${JSON.stringify(period)},"r":`,
      index: this.parts.length,
      rows: 0,
      totals: totalled.map(() => new ControlTotal()),
    };
    this.openStart = this.pendingChars;
  }

  row(row: UploadRow): void {
    const part = this.open!;
    part.totalled.forEach((field, index) => {
      const value = row[field];
      if (typeof value === 'number') part.totals[index]!.add(value);
    });
    this.line(part, JSON.stringify(row));
  }

  /** The text every row line of the open part begins with. */
  get linePrefix(): string {
    return this.open!.prefix;
  }

  /**
   * Whole row lines made elsewhere (in SQL, each `linePrefix` + the row's JSON + `}\n`), how many, and
   * the sums of their totalled fields in the order the section lists them. Long text goes on in chunks
   * cut at line ends, as rows written one by one would.
   */
  lines(text: string, rows: number, totals: readonly bigint[]): void {
    const part = this.open!;
    for (let index = 0; index < totals.length; index += 1) part.totals[index]!.addSum(totals[index]!);
    part.rows += rows;
    for (let start = 0; start < text.length;) {
      const fits = start + chunkChars - this.pendingChars;
      const end = fits >= text.length ? text.length : text.indexOf('\n', fits) + 1 || text.length;
      this.append(text.slice(start, end));
      start = end;
    }
  }

  /** Parts begun so far. */
  get partCount(): number {
    return this.parts.length + (this.open ? 1 : 0);
  }

  endPart(): void {
    const part = this.open;
    if (!part) return;
    this.closeRange(part);
    this.open = null;
    this.parts.push({
      section: part.section,
      period: part.period,
      part: 1,
      parts: 1,
      rows: part.rows,
      sha256: '',
      totals: Object.fromEntries(
        part.totalled.map((field, index) => [field, part.totals[index]!.toString()]),
      ),
    });
  }

  /** Closes the package: the manifest line, and the body with its sha256 (what Content-Digest names). */
  finish(manifest: Omit<PackageManifest, 'sections'>): {
    body: Buffer;
    sha256: string;
    manifest: PackageManifest;
  } {
    this.endPart();
    this.flush();
    const { members, partDigests } = this.compression.close();
    const complete: PackageManifest = {
      ...manifest,
      sections: this.parts.map((part, index) => ({ ...part, sha256: partDigests[index] || emptyDigest })),
    };
    members.push(gzipSync(`${JSON.stringify({ manifest: complete })}\n`));
    const body = Buffer.concat(members);
    return { body, sha256: createHash('sha256').update(body).digest('hex'), manifest: complete };
  }

  /** Gives up a package that will not be finished (its build failed): the thread forgets its chunks. */
  abandon(): void {
    this.compression.abandon();
  }

  private line(part: OpenPart, json: string): void {
    part.rows += 1;
    this.append(`${part.prefix}${json}}\n`);
  }

  private append(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    this.textLength += text.length;
    if (this.pendingChars >= chunkChars) this.flush();
  }

  /** The open part's text in the pending chunk, named for its sha256. */
  private closeRange(part: OpenPart): void {
    if (this.pendingChars > this.openStart) this.ranges.push([part.index, this.openStart, this.pendingChars]);
    this.openStart = this.pendingChars;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    if (this.open) this.closeRange(this.open);
    this.compression.chunk(this.pending.join(''), this.ranges);
    this.pending = [];
    this.pendingChars = 0;
    this.ranges = [];
    this.openStart = 0;
  }
}
