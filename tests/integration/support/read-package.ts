import { gunzipSync } from 'node:zlib';
import {
  manifestSchema,
  type PackageManifest,
  type RowLine,
} from '../../../src/shared/upload/package-format';

/** A package body read back as head office would: its row lines by section and period, and its manifest. */
export function readPackage(body: Buffer): { manifest: PackageManifest; rows: RowLine[] } {
  const lines = gunzipSync(body).toString('utf8').split('\n').filter(Boolean);
  const last = JSON.parse(lines.pop()!) as { manifest: unknown };
  return {
    manifest: manifestSchema.parse(last.manifest),
    rows: lines.map((line) => JSON.parse(line) as RowLine),
  };
}

/** The rows of one section (and period, when given). */
export function sectionRows(
  rows: readonly RowLine[],
  section: string,
  period?: string,
): Record<string, unknown>[] {
  return rows
    .filter((row) => row.s === section && (period === undefined || row.p === period))
    .map((row) => row.r);
}
