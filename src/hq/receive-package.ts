import { createHash } from 'node:crypto';
import type { PackageManifest, PackagePeriod, RowLine } from '../shared/upload/package-format';
import type { Receipt } from '../shared/upload/wire';
import type { HqClock } from './clock';
import { packageRowChunks, validatePackage, defaultReaderLimits, type ReaderLimits } from './package-reader';
import { HqRefusal, malformed } from './refusal';
import type { BranchWrite, HqStore, StoredPackage, StoredState } from './store/hq-store';

/** A package as it arrives: where the URL (or the carried file) says it belongs, and its exact bytes. */
export interface IncomingPackage {
  branchCode: string;
  epoch: number;
  seq: number;
  idempotencyKey: string;
  body: Buffer;
}

export interface ReceiveOutcome {
  receipt: Receipt;
  /** True when head office had already applied this package and answers with the receipt it kept. */
  replayed: boolean;
}

export interface ReceiveOptions {
  clock: HqClock;
  limits?: ReaderLimits;
}

/** Rows written per statement batch while a package streams in. */
const rowsPerBatch = 500;

const sha256Of = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/**
 * The same key again: the same body gets the receipt head office kept (the branch lost the answer and
 * retried), another body is a branch reusing a package id, which must never be applied.
 */
function replay(known: StoredPackage, incoming: IncomingPackage, sha256: string): ReceiveOutcome {
  if (known.sha256 !== sha256) {
    throw new HqRefusal(422, {
      error: 'key_reused',
      message: `幂等键 ${incoming.idempotencyKey} 已用于另一个内容不同的数据包（第 ${known.epoch} 代第 ${known.seq} 号），不能再用`,
    });
  }
  if (known.epoch !== incoming.epoch || known.seq !== incoming.seq) {
    throw malformed(
      `幂等键 ${incoming.idempotencyKey} 对应的是第 ${known.epoch} 代第 ${known.seq} 号数据包，而请求地址写的是第 ${incoming.epoch} 代第 ${incoming.seq} 号`,
    );
  }
  return { receipt: known.receipt, replayed: true };
}

/** The package must be what its URL and key say it is. */
function checkIdentity(manifest: PackageManifest, incoming: IncomingPackage): void {
  if (manifest.branchCode !== incoming.branchCode) {
    throw malformed(`数据包属于分支 ${manifest.branchCode}，却发给了分支 ${incoming.branchCode}`);
  }
  if (manifest.epoch !== incoming.epoch || manifest.seq !== incoming.seq) {
    throw malformed(
      `请求地址写的是第 ${incoming.epoch} 代第 ${incoming.seq} 号，数据包清单写的是第 ${manifest.epoch} 代第 ${manifest.seq} 号`,
    );
  }
  if (manifest.packageId !== incoming.idempotencyKey) {
    throw malformed(`幂等键 ${incoming.idempotencyKey} 与数据包编号 ${manifest.packageId} 不符`);
  }
}

/** UPLOAD.md step 3: only the next package of the current epoch, or the snapshot opening a newer one, applies. */
function checkOrder(manifest: PackageManifest, state: StoredState): void {
  const { epoch, seq } = manifest;
  if (epoch < state.epoch) {
    throw new HqRefusal(409, {
      error: 'epoch_behind',
      message: `总部已在第 ${state.epoch} 代，此数据包属于较早的第 ${epoch} 代`,
      epoch: state.epoch,
    });
  }
  if (epoch > state.epoch) {
    if (seq !== 1 || !manifest.snapshot) {
      throw new HqRefusal(409, {
        error: 'epoch_not_snapshot',
        message: `新的一代（第 ${epoch} 代）必须从第 1 号全量快照开始，收到的是第 ${seq} 号${manifest.snapshot ? '' : '增量包'}`,
      });
    }
    return;
  }
  if (seq <= state.lastSeq) {
    // The key is unknown, so this is another package under a seq head office already holds.
    throw new HqRefusal(409, {
      error: 'chain_broken',
      message: `总部已收到第 ${epoch} 代第 ${seq} 号数据包，且与此包不同：请开启新的一代并发送全量快照`,
    });
  }
  if (seq > state.lastSeq + 1) {
    throw new HqRefusal(409, {
      error: 'seq_gap',
      message: `总部等待第 ${epoch} 代第 ${state.lastSeq + 1} 号数据包，收到的是第 ${seq} 号`,
      expected_seq: state.lastSeq + 1,
    });
  }
  if (manifest.prevSha256 !== state.lastSha256) {
    throw new HqRefusal(409, {
      error: 'chain_broken',
      message: `第 ${epoch} 代第 ${seq} 号数据包所接的上一包与总部收到的第 ${state.lastSeq} 号不同：请开启新的一代并发送全量快照`,
    });
  }
}

/** Writes the package's rows: each period part replaces (part 1) or adds to (later parts) what is held. */
async function applyRows(write: BranchWrite, manifest: PackageManifest, body: Buffer, limits: ReaderLimits) {
  const spans = new Map<string, PackagePeriod>(manifest.periods.map((period) => [period.key, period]));
  const partNumbers = new Map<string, number>();
  for (const part of manifest.sections) {
    if (part.period === null) continue;
    partNumbers.set(JSON.stringify([part.section, part.period]), part.part);
    if (part.part === 1) await write.clearPeriod(part.section, part.period);
    else await write.clearPeriodPart(part.section, part.period, part.part);
    const span = spans.get(part.period)!;
    await write.recordPeriodPart(
      {
        section: part.section,
        period: part.period,
        part: part.part,
        parts: part.parts,
        rows: part.rows,
        epoch: manifest.epoch,
        seq: manifest.seq,
      },
      { kind: span.kind, from: span.from, to: span.to },
    );
  }

  const ordinals = new Map<string, number>();
  let batch: RowLine[] = [];
  const flush = async () => {
    const [first] = batch;
    if (!first) return;
    const rows = batch.map((line) => line.r);
    batch = [];
    if (first.p === null) {
      await write.upsertEntities(first.s, rows, manifest);
      return;
    }
    const key = JSON.stringify([first.s, first.p]);
    const ordinal = ordinals.get(key) ?? 1;
    ordinals.set(key, ordinal + rows.length);
    await write.insertPeriodRows(first.s, first.p, partNumbers.get(key)!, ordinal, rows);
  };
  for await (const lines of packageRowChunks(body, limits)) {
    for (const line of lines) {
      const [first] = batch;
      if (first && (first.s !== line.s || first.p !== line.p || batch.length >= rowsPerBatch)) await flush();
      batch.push(line);
    }
  }
  await flush();
}

async function receiveChecked(
  store: HqStore,
  incoming: IncomingPackage,
  options: ReceiveOptions,
  sha256: string,
): Promise<ReceiveOutcome> {
  const limits = options.limits ?? defaultReaderLimits;
  const known = await store.findPackage(incoming.branchCode, incoming.idempotencyKey);
  if (known) return replay(known, incoming, sha256);

  // Checked before the lock is taken: a large package is read once while other sends go on.
  const manifest = await validatePackage(incoming.body, limits);
  checkIdentity(manifest, incoming);

  return store.applyInBranchLock(incoming.branchCode, async (write, state) => {
    // A send of the same package may have committed while this one was being read.
    const committed = await write.findPackage(incoming.idempotencyKey);
    if (committed) return replay(committed, incoming, sha256);
    checkOrder(manifest, state);
    await applyRows(write, manifest, incoming.body, limits);
    await write.saveState({ epoch: manifest.epoch, lastSeq: manifest.seq, lastSha256: sha256 });
    const receipt: Receipt = {
      package_id: manifest.packageId,
      epoch: manifest.epoch,
      seq: manifest.seq,
      sha256,
      applied_at: options.clock.now().toISOString(),
    };
    await write.savePackage(
      { packageId: manifest.packageId, epoch: manifest.epoch, seq: manifest.seq, sha256, receipt, manifest },
      incoming.body,
    );
    return { receipt, replayed: false };
  });
}

/**
 * Applies a package under the rules of UPLOAD.md step 3, all in one store transaction: rows, state,
 * receipt and idempotency key commit together, and only then does the caller answer 2xx. A refusal is
 * kept in the rejected-package log and thrown as HqRefusal.
 */
export async function receivePackage(
  store: HqStore,
  incoming: IncomingPackage,
  options: ReceiveOptions,
): Promise<ReceiveOutcome> {
  const sha256 = sha256Of(incoming.body);
  try {
    return await receiveChecked(store, incoming, options, sha256);
  } catch (error) {
    if (error instanceof HqRefusal) {
      await store.recordRejection({
        branchCode: incoming.branchCode,
        epoch: incoming.epoch,
        seq: incoming.seq,
        packageId: incoming.idempotencyKey || null,
        error: error.refusal.error,
        message: error.refusal.message,
        bytes: incoming.body.length,
        at: options.clock.now().toISOString(),
      });
    }
    throw error;
  }
}
