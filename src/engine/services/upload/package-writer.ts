import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { PackageManifest, SectionPart } from '../../../shared/upload/package-format';
import { chunkBytes, packageCompression, type Member, type PartRange } from './package-compression';
import type { UploadRow } from './upload-section';

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

/** The manifest's text besides its parts and periods, generously: the branch, the chain's seq and sha256. */
const manifestFixedLength = 512;

/**
 * Writes one package (package-format.ts): row lines as they come, as UTF-8 into the chunk the compression
 * (package-compression.ts) lends, which each full chunk goes back to: it gzips each into a member of its
 * own (a gzip stream may hold several; every reader decompresses them as one) and sums each section
 * part's sha256; the manifest last. A chunk is cut where it is full, within a line or not, so the body
 * depends only on the text. Each part's control totals are summed here while its rows pass, and the
 * body's sha256 while its members come back, for the caller to store (`members`) as they come.
 *
 * A row comes as an object, or as its JSON text already made (SQLite's json_object, for the period
 * figures: tens of thousands of rows a month), a part's lines at once, as bytes, with their totals
 * summed. Either way the line is the same text.
 */
export class PackageWriter {
  private readonly compression = packageCompression();
  /** The chunk being filled (lent by the compression), and the bytes in it so far. */
  private chunk: Buffer | null = null;
  private used = 0;
  /** The part ranges of the chunk being filled, and where the open part's bytes in it begin. */
  private ranges: PartRange[] = [];
  private openStart = 0;
  /** The parts ended so far, their sha256 still to come from the compression thread. */
  private readonly parts: SectionPart[] = [];
  private open: OpenPart | null = null;
  /** Bytes written so far, before compression. */
  textLength = 0;
  /** The manifest's entries for the parts ended so far, as text: gzip hardly shortens their sha256. */
  private manifestLength = 0;
  /** The body's sha256 and length over the members so far in order, those come early kept aside. */
  private readonly bodyHash = createHash('sha256');
  private bodyBytes = 0;
  private nextMember = 0;
  private readonly early = new Map<number, Buffer>();
  private inOrder: Member[] = [];

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
    this.openStart = this.used;
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
   * Whole row lines made elsewhere (in SQL, each `linePrefix` + the row's JSON + `}\n`, as UTF-8), how
   * many, and the sums of their totalled fields in the order the section lists them.
   */
  lines(bytes: Buffer, rows: number, totals: readonly bigint[]): void {
    const part = this.open!;
    for (let index = 0; index < totals.length; index += 1) part.totals[index]!.addSum(totals[index]!);
    part.rows += rows;
    this.appendBytes(bytes);
  }

  /**
   * What the package would weigh if closed now, as an upper bound: its rows' text and its manifest's,
   * uncompressed. What a size budget is held against: in a package of many small parts the manifest,
   * one entry and one sha256 per part, outweighs the rows.
   */
  get sizeEstimate(): number {
    return this.textLength + this.manifestLength + manifestFixedLength;
  }

  endPart(): void {
    const part = this.open;
    if (!part) return;
    this.closeRange(part);
    this.open = null;
    const ended: SectionPart = {
      section: part.section,
      period: part.period,
      part: 1,
      parts: 1,
      rows: part.rows,
      sha256: '',
      totals: Object.fromEntries(
        part.totalled.map((field, index) => [field, part.totals[index]!.toString()]),
      ),
    };
    this.parts.push(ended);
    this.manifestLength += JSON.stringify({ ...ended, sha256: emptyDigest }).length + 1;
  }

  /**
   * The body's members made so far and not taken yet, in order from the first not taken: what the
   * caller stores, between parts, so memory never holds the whole body.
   */
  members(): Member[] {
    this.accept(this.compression.drain());
    return this.inOrder.splice(0);
  }

  /**
   * Closes the package: the manifest line, the members not taken yet (the manifest's last), and the
   * body's length and sha256 (what Content-Digest names).
   */
  finish(manifest: Omit<PackageManifest, 'sections'>): {
    members: Member[];
    bytes: number;
    sha256: string;
    manifest: PackageManifest;
  } {
    this.endPart();
    this.handOver();
    const { members, partDigests } = this.compression.close();
    const complete: PackageManifest = {
      ...manifest,
      sections: this.parts.map((part, index) => ({ ...part, sha256: partDigests[index] || emptyDigest })),
    };
    this.accept(members);
    this.accept([[this.nextMember, gzipSync(`${JSON.stringify({ manifest: complete })}\n`)]]);
    if (this.early.size > 0) throw new Error('a gzip member of the package is missing');
    return {
      members: this.inOrder.splice(0),
      bytes: this.bodyBytes,
      sha256: this.bodyHash.digest('hex'),
      manifest: complete,
    };
  }

  /** Gives up a package that will not be finished (its build failed): the thread forgets its chunks. */
  abandon(): void {
    this.compression.abandon();
  }

  /** Members as they come back, hashed into the body in order. */
  private accept(members: readonly Member[]): void {
    for (const [index, bytes] of members) this.early.set(index, bytes);
    for (let bytes = this.early.get(this.nextMember); bytes; bytes = this.early.get(this.nextMember)) {
      this.early.delete(this.nextMember);
      this.bodyHash.update(bytes);
      this.bodyBytes += bytes.length;
      this.inOrder.push([this.nextMember, bytes]);
      this.nextMember += 1;
    }
  }

  private line(part: OpenPart, json: string): void {
    part.rows += 1;
    const text = `${part.prefix}${json}}\n`;
    // A UTF-8 character takes at most three bytes per UTF-16 unit: what surely fits is written in place.
    if (this.chunk && text.length * 3 <= chunkBytes - this.used) {
      const written = this.chunk.write(text, this.used);
      this.used += written;
      this.textLength += written;
      if (this.used === chunkBytes) this.handOver();
    } else this.appendBytes(Buffer.from(text));
  }

  /** Bytes into the chunks, as many chunks as they fill. */
  private appendBytes(bytes: Buffer): void {
    this.textLength += bytes.length;
    for (let start = 0; start < bytes.length;) {
      this.chunk ??= this.compression.buffer();
      const copied = bytes.copy(this.chunk, this.used, start);
      this.used += copied;
      start += copied;
      if (this.used === chunkBytes) this.handOver();
    }
  }

  /** The open part's bytes in the chunk being filled, named for its sha256. */
  private closeRange(part: OpenPart): void {
    if (this.used > this.openStart) this.ranges.push([part.index, this.openStart, this.used]);
    this.openStart = this.used;
  }

  /** Hands the chunk being filled to the compression. */
  private handOver(): void {
    if (!this.chunk || this.used === 0) return;
    if (this.open) this.closeRange(this.open);
    this.compression.chunk(this.used, this.ranges);
    this.chunk = null;
    this.used = 0;
    this.ranges = [];
    this.openStart = 0;
  }
}
