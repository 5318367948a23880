import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  packageFormatVersion,
  sectionSpecs,
  type PackageManifest,
  type PackagePeriod,
  type PeriodKind,
  type SectionPart,
} from '../../../src/shared/upload/package-format';

/**
 * Writes upload packages as a branch would (package-format.ts), independently of head office's reader,
 * so a test can also write a wrong one: `corrupt` edits the manifest after its totals are computed.
 */
export interface TestPart {
  section: string;
  period: string | null;
  rows: Record<string, unknown>[];
  part?: number;
  parts?: number;
  /** Fields summed into the control totals of a section package-format.ts does not list. */
  totalled?: string[];
}

export interface TestPackageSpec {
  branchCode: string;
  epoch: number;
  seq: number;
  prevSha256: string | null;
  snapshot?: boolean;
  parts: TestPart[];
  periods?: PackagePeriod[];
  packageId?: string;
  /** The branch's period setting (default month). */
  periodKind?: PeriodKind;
  corrupt?: (manifest: PackageManifest) => void;
}

export interface TestPackage {
  body: Buffer;
  sha256: string;
  manifest: PackageManifest;
}

export const march: PackagePeriod = { kind: 'month', key: '2026-03', from: '2026-03-01', to: '2026-03-31' };
export const april: PackagePeriod = { kind: 'month', key: '2026-04', from: '2026-04-01', to: '2026-04-30' };

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function totalsOf(part: TestPart): Record<string, string> {
  const { section, rows } = part;
  const fields: readonly string[] = Object.hasOwn(sectionSpecs, section)
    ? sectionSpecs[section as keyof typeof sectionSpecs].totalled
    : (part.totalled ?? []);
  return Object.fromEntries(
    fields.map((field) => [field, String(rows.reduce((sum, row) => sum + BigInt(String(row[field])), 0n))]),
  );
}

export function writeTestPackage(spec: TestPackageSpec): TestPackage {
  const lines: string[] = [];
  const sections: SectionPart[] = spec.parts.map((part) => {
    const rowLines = part.rows.map((r) => `${JSON.stringify({ s: part.section, p: part.period, r })}\n`);
    lines.push(...rowLines);
    return {
      section: part.section,
      period: part.period,
      part: part.part ?? 1,
      parts: part.parts ?? 1,
      rows: part.rows.length,
      sha256: sha256(rowLines.join('')),
      totals: totalsOf(part),
    };
  });
  const manifest: PackageManifest = {
    format: packageFormatVersion,
    schemaVersion: 1,
    appVersion: '0.1.0',
    branchCode: spec.branchCode,
    branchUid: `uid-${spec.branchCode}`,
    packageId: spec.packageId ?? randomUUID(),
    epoch: spec.epoch,
    seq: spec.seq,
    prevSha256: spec.prevSha256,
    snapshot: spec.snapshot ?? spec.seq === 1,
    builtAt: '2026-04-01T08:00:00.000Z',
    quantityScale: 3,
    periodKind: spec.periodKind ?? 'month',
    periods: spec.periods ?? [march, april],
    sections,
  };
  spec.corrupt?.(manifest);
  lines.push(`${JSON.stringify({ manifest })}\n`);
  const body = gzipSync(Buffer.from(lines.join(''), 'utf8'));
  return { body, sha256: sha256(body), manifest };
}

/** Stock on hand of goods G1, G2 in warehouse W1: quantities in thousandths (scale 3), values in fen. */
export function stockRows(...figures: [quantity: number, value: number][]): Record<string, unknown>[] {
  return figures.map(([quantity, value], i) => ({
    goodsUid: `G${i + 1}`,
    warehouseUid: 'W1',
    quantity,
    value,
  }));
}
