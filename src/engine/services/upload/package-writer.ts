import { createHash, type Hash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { PackageManifest, SectionPart } from '../../../shared/upload/package-format';
import type { UploadRow } from './upload-section';

/** Text gathered before it is compressed: the package streams, so memory holds this, not the package. */
const chunkChars = 1 << 20;

interface OpenPart {
  section: string;
  period: string | null;
  totalled: readonly string[];
  hash: Hash;
  rows: number;
  totals: bigint[];
}

/**
 * Writes one package (package-format.ts): row lines as they come, compressed a chunk at a time into
 * gzip members (a gzip stream may hold several; every reader decompresses them as one), the manifest
 * last. Each section part's sha256 and control totals are summed while its rows pass.
 */
export class PackageWriter {
  private readonly compressed: Buffer[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
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
      hash: createHash('sha256'),
      rows: 0,
      totals: totalled.map(() => 0n),
    };
  }

  row(row: UploadRow): void {
    const part = this.open!;
    const line = `${JSON.stringify({ s: part.section, p: part.period, r: row })}\n`;
    part.hash.update(line);
    part.rows += 1;
    part.totalled.forEach((field, index) => {
      const value = row[field];
      if (typeof value === 'number') part.totals[index]! += BigInt(value);
    });
    this.write(line);
  }

  /** Parts begun so far. */
  get partCount(): number {
    return this.parts.length + (this.open ? 1 : 0);
  }

  endPart(): void {
    const part = this.open;
    if (!part) return;
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

  private write(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length;
    this.textLength += line.length;
    if (this.pendingChars >= chunkChars) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.compressed.push(gzipSync(this.pending.join('')));
    this.pending = [];
    this.pendingChars = 0;
  }
}
