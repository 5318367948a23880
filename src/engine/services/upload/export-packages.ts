import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';
import { getBranchProfile } from '../branch/branch-profile';
import { buildPackages } from './build-package';
import { packageBody, pendingPackages } from './outbox-list';

/** The name a carried package file goes by: branch, epoch, seq — head office's `import` reads the manifest, not the name. */
export function packageFileName(branchCode: string, epoch: number, seq: number): string {
  return `${branchCode}-${epoch}-${String(seq).padStart(6, '0')}.blpkg`;
}

/**
 * 导出上传包 (for a branch with no network): the packages head office has not acknowledged, as files in a
 * folder, each the exact bytes the upload would send; built first if there is nothing waiting. Head
 * office imports them in seq order through the same rules as an upload, so importing one twice changes
 * nothing. The packages stay in the outbox: an upload later finds them already there (a replayed receipt).
 */
export function exportPackages(ctx: ServiceContext, appVersion: string, folder: string) {
  const sqlite = ctx.db.$client;
  if (pendingPackages(sqlite).length === 0) buildPackages(ctx, { appVersion, force: true });
  const code = getBranchProfile(ctx).code;
  fs.mkdirSync(folder, { recursive: true });
  return pendingPackages(sqlite).map((pkg) => {
    const file = path.join(folder, packageFileName(code, pkg.epoch, pkg.seq));
    fs.writeFileSync(file, packageBody(sqlite, pkg.packageId));
    return { file, epoch: pkg.epoch, seq: pkg.seq, bytes: pkg.bytes, sha256: pkg.sha256 };
  });
}
