import { randomUUID } from 'node:crypto';
import { PackageWriter } from '../../../src/engine/services/upload/package-writer';
import {
  sectionSpecs,
  type PackageManifest,
  type PackagePeriod,
  type RowLine,
  type SectionName,
} from '../../../src/shared/upload/package-format';
import { readPackage } from '../../integration/support/read-package';
import type { SendablePackage } from './bench-head-office';

/**
 * Packages of other branches, derived from one real package (a demo branch's snapshot): its row lines
 * regrouped — the master data, and a chosen set of its months — and written again with the branch's own
 * PackageWriter under another branch's code, uid and package id, so every part's sha256, row count and
 * control totals, the manifest and the body's sha256 are computed afresh, exactly as a branch computes
 * them. Head office checks all of them, so a derived package costs it what a built one costs.
 */
export interface SourcePackage {
  manifest: PackageManifest;
  /** Row lines per section part (section and period), in the package's order. */
  parts: Map<string, RowLine[]>;
}

const partKey = (section: string, period: string | null) => JSON.stringify([section, period]);

export function splitPackage(body: Buffer): SourcePackage {
  const { manifest, rows } = readPackage(body);
  const parts = new Map<string, RowLine[]>(
    manifest.sections.map((part) => [partKey(part.section, part.period), []]),
  );
  for (const line of rows) parts.get(partKey(line.s, line.p))!.push(line);
  return { manifest, parts };
}

export interface DerivedPackage extends SendablePackage {
  manifest: PackageManifest;
  rows: number;
}

/**
 * A package for `branchCode` carrying the source's months `periodKeys` (and its master data when it
 * opens an epoch: `seq` 1 is the snapshot head office requires first).
 */
export function derivePackage(
  source: SourcePackage,
  target: { branchCode: string; seq: number; prevSha256: string | null; periodKeys: readonly string[] },
): DerivedPackage {
  const writer = new PackageWriter();
  const snapshot = target.seq === 1;
  let rows = 0;
  // The source's parts in its order, empty ones too: master data only in a snapshot, then the months asked.
  for (const part of source.manifest.sections) {
    if (part.period === null ? !snapshot : !target.periodKeys.includes(part.period)) continue;
    writer.beginPart(part.section, part.period, sectionSpecs[part.section as SectionName].totalled);
    for (const line of source.parts.get(partKey(part.section, part.period))!) {
      writer.row(line.r as Parameters<PackageWriter['row']>[0]);
      rows += 1;
    }
  }
  const periods: PackagePeriod[] = target.periodKeys.map((key) =>
    source.manifest.periods.find((period) => period.key === key)!,
  );
  const { manifest: base } = source;
  const packageId = randomUUID();
  const { members, sha256, manifest } = writer.finish({
    format: base.format,
    schemaVersion: base.schemaVersion,
    appVersion: base.appVersion,
    branchCode: target.branchCode,
    branchUid: `${base.branchUid}-${target.branchCode}`,
    packageId,
    epoch: 1,
    seq: target.seq,
    prevSha256: target.prevSha256,
    snapshot,
    builtAt: base.builtAt,
    quantityScale: base.quantityScale,
    periodKind: base.periodKind,
    periods,
  });
  const body = Buffer.concat(members.map(([, bytes]) => bytes));
  return { packageId, epoch: 1, seq: target.seq, sha256, body, manifest, rows };
}
