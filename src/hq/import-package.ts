import fs from 'node:fs';
import type { HqClock } from './clock';
import { validatePackage } from './package-reader';
import { receivePackage, type ReceiveOutcome } from './receive-package';
import { HqRefusal } from './refusal';
import type { HqStore } from './store/hq-store';

/**
 * Applies a package file carried from a branch (exported when the network is down) through the same
 * rules as a PUT. The person who carries and imports it stands in for the signature; the package's own
 * manifest says which branch, epoch and seq it is. Importing it twice replays the receipt.
 */
export async function importPackageFile(
  store: HqStore,
  file: string,
  clock: HqClock,
): Promise<ReceiveOutcome> {
  const body = fs.readFileSync(file);
  const manifest = await validatePackage(body);
  const branch = await store.findBranch(manifest.branchCode);
  if (!branch) {
    throw new HqRefusal(401, {
      error: 'unknown_branch',
      message: `总部没有登记分支 ${manifest.branchCode}：请先运行 branch add ${manifest.branchCode}`,
    });
  }
  if (branch.disabled) {
    const refusal = new HqRefusal(403, {
      error: 'branch_disabled',
      message: `分支 ${branch.code} 已被总部停用`,
    });
    // Kept where the console shows a branch's refused packages, as a refused upload is.
    await store.recordRejection({
      branchCode: branch.code,
      epoch: manifest.epoch,
      seq: manifest.seq,
      packageId: manifest.packageId,
      error: refusal.refusal.error,
      message: refusal.refusal.message,
      bytes: body.length,
      at: clock.now().toISOString(),
    });
    throw refusal;
  }
  return receivePackage(
    store,
    {
      branchCode: manifest.branchCode,
      epoch: manifest.epoch,
      seq: manifest.seq,
      idempotencyKey: manifest.packageId,
      body,
    },
    { clock },
  );
}
