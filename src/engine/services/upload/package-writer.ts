import { createHash, type Hash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { PackageManifest, SectionPart } from '../../../shared/upload/package-format';
import type { UploadRow } from './upload-section';

/** Text gathered before it is compressed: the package streams, so memory holds this, not the package. */
const chunkChars = 1 << 20;

/**
 * A control total: summed as a plain number while it stays exact (every amount and quantity is an
 * integer, and a month's sums stay far below 2^53), carried over into a BigInt past that.
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
  hash: Hash;
  rows: number;
  totals: ControlTotal[];
}

/**
 * Writes one package (package-format.ts): row lines as they come, compressed a chunk at a time into
 * gzip members (a gzip stream may hold several; every reader decompresses them as one), the manifest
 * last. Each section part's sha256 and control totals are summed while its rows pass.
 *
 * A row comes as an object, or as its JSON text already made (SQLite's json_object, for the period
 * figures: tens of thousands of rows a month) with the values of its totalled fields beside it. Either
 * way the line is the same text.
 */
export class PackageWriter {
  private readonly compressed: Buffer[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  /** Where the open part's unhashed lines begin in `pending` (a line index, and characters). */
  private partStartLine = 0;
  private partStartChar = 0;
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
      hash: createHash('sha256'),
      rows: 0,
      totals: totalled.map(() => new ControlTotal()),
    };
    this.partStartLine = this.pending.length;
    this.partStartChar = this.pendingChars;
  }

  row(row: UploadRow): void {
    const part = this.open!;
    part.totalled.forEach((field, index) => {
      const value = row[field];
      if (typeof value === 'number') part.totals[index]!.add(value);
    });
    this.line(part, JSON.stringify(row));
  }

  /** A row as its JSON text, and its totalled fields' values in the order the section lists them. */
  rowText(json: string, totals: readonly number[]): void {
    const part = this.open!;
    for (let index = 0; index < totals.length; index += 1) part.totals[index]!.add(totals[index]!);
    this.line(part, json);
  }

  /** Parts begun so far. */
  get partCount(): number {
    return this.parts.length + (this.open ? 1 : 0);
  }

  endPart(): void {
    const part = this.open;
    if (!part) return;
    this.hashPending(part);
    this.open = null;
    this.parts.push({
      section: part.section,
      period: part.period,
      part: 1,
      parts: 1,
      rows: part.rows,
      sha256: part.hash.digest('hex'),
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
    const complete: PackageManifest = { ...manifest, sections: this.parts };
    this.write(`${JSON.stringify({ manifest: complete })}\n`);
    this.flush();
    const body = Buffer.concat(this.compressed);
    return { body, sha256: createHash('sha256').update(body).digest('hex'), manifest: complete };
  }

  private line(part: OpenPart, json: string): void {
    part.rows += 1;
    this.write(`${part.prefix}${json}}\n`);
  }

  private write(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length;
    this.textLength += line.length;
    if (this.pendingChars >= chunkChars) this.flush();
  }

  /**
   * Hashes the open part's lines still pending: one update per chunk rather than one per line. `chunk`
   * is the pending text already joined, when the chunk is being compressed.
   */
  private hashPending(part: OpenPart, chunk?: string): void {
    if (this.pending.length === this.partStartLine) return;
    part.hash.update(
      chunk === undefined ? this.pending.slice(this.partStartLine).join('') : chunk.slice(this.partStartChar),
    );
    this.partStartLine = this.pending.length;
    this.partStartChar = this.pendingChars;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    if (this.open) this.hashPending(this.open, text);
    this.compressed.push(gzipSync(text));
    this.pending = [];
    this.pendingChars = 0;
    this.partStartLine = 0;
    this.partStartChar = 0;
  }
}
