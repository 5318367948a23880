import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import type { BranchState, Receipt } from '../../../shared/upload/wire';
import { nextWaitMs, retryAfterMs } from '../../domain/upload/retry-schedule';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import type { EngineEnv } from '../system/engine-env';
import { buildPackages } from './build-package';
import {
  packageRequest,
  requestHeadOffice,
  stateRequest,
  TransportError,
  type HeadOffice,
  type HeadOfficeResponse,
} from './head-office-client';
import { pendingPackages, packageBody, type OutboxPackage } from './outbox-list';
import { dropExpiredPackages } from './outbox-retention';
import { parseRefusal, responseFailure, transportFailure, type UploadFailure } from './upload-errors';
import { readProgress, writeProgress } from './upload-progress';
import { readUploadSecrets, type SecretVault } from './upload-secret';
import { readUploadSettings } from './upload-settings';

export interface UploadDeps {
  appVersion: string;
  vault: SecretVault;
  secretFile: string;
  /** No byte from head office for this long ends an attempt. */
  idleTimeoutMs?: number;
  random?: () => number;
}

export function uploadDepsOf(env: EngineEnv): UploadDeps {
  return { appVersion: env.appVersion, vault: env.uploadVault, secretFile: env.uploadSecretFile };
}

export type UploadRunOutcome =
  | { outcome: 'not_configured'; message: string }
  | { outcome: 'uploaded'; sent: number; pending: number }
  | { outcome: 'failed'; sent: number; pending: number; failure: UploadFailure };

type Attempt = { response: HeadOfficeResponse } | { failure: UploadFailure };

function headOfficeOf(sqlite: Database.Database, ctx: ServiceContext, deps: UploadDeps): HeadOffice | string {
  const settings = readUploadSettings(sqlite);
  if (!settings.headOfficeUrl) return '尚未设置总部地址：请在“上传设置”中填写总部接收地址、证书指纹和密钥。';
  const { secret, clientKey } = readUploadSecrets(deps.vault, deps.secretFile);
  if (secret === null) return '尚未填写总部给本机构的上传密钥：请在“上传设置”中填写。';
  return {
    url: settings.headOfficeUrl,
    branchCode: getBranchProfile(ctx).code,
    secret,
    pinnedSpki: settings.pinnedSpki,
    caCertificate: settings.caCertificate,
    clientCertificate: settings.clientCertificate,
    clientKey: clientKey ?? '',
    idleTimeoutMs: deps.idleTimeoutMs ?? 60_000,
  };
}

/**
 * One upload run (UPLOAD.md "On the wire" and "Failures"): ask head office where it stands, set the
 * outbox straight against it, build what is new, and send the packages in seq order until all are
 * acknowledged or one fails. Every outbox change is its own short transaction, none is held across the
 * network; a run killed at any point leaves packages built or sending, which the next run sends again
 * (head office replays its receipt for what it already has).
 */
export async function runUpload(ctx: ServiceContext, deps: UploadDeps): Promise<UploadRunOutcome> {
  const sqlite = ctx.db.$client;
  const office = headOfficeOf(sqlite, ctx, deps);
  if (typeof office === 'string') return { outcome: 'not_configured', message: office };
  let skewMs = readProgress(sqlite).skewMs;
  let sent = 0;

  const attempt = async (request: Parameters<typeof requestHeadOffice>[1]): Promise<Attempt> => {
    for (let signing = 0; ; signing += 1) {
      const at = ctx.clock.now().toISOString();
      try {
        const response = await requestHeadOffice(
          office,
          request,
          new Date(ctx.clock.now().getTime() + skewMs),
        );
        const refusal = response.status === 401 ? parseRefusal(response.body) : null;
        if (refusal?.error === 'clock_skew' && signing === 0) {
          // Head office's clock, from its answer: re-sign at its time once, and say so on the page.
          const serverTime = Date.parse(refusal.server_time ?? response.headers.date ?? '');
          if (!Number.isNaN(serverTime)) {
            skewMs = serverTime - ctx.clock.now().getTime();
            ctx.db.transaction(() => writeProgress(sqlite, { skewMs }, at));
            continue;
          }
        }
        return { response };
      } catch (error) {
        if (error instanceof TransportError) return { failure: transportFailure(error, at) };
        throw error;
      }
    }
  };

  const fail = (failure: UploadFailure, response?: HeadOfficeResponse): UploadRunOutcome => {
    const now = ctx.clock.now();
    const failuresInRow = readProgress(sqlite).failuresInRow + 1;
    const wait = nextWaitMs(failuresInRow, retryAfterMs(response?.headers['retry-after'], now), deps.random);
    ctx.db.transaction(() =>
      writeProgress(
        sqlite,
        {
          failuresInRow: failure.retry ? failuresInRow : 0,
          nextAttemptAt: failure.retry ? new Date(now.getTime() + wait).toISOString() : null,
          lastAttemptAt: now.toISOString(),
          lastError: failure,
          blocked: !failure.retry,
        },
        now.toISOString(),
      ),
    );
    return { outcome: 'failed', sent, pending: pendingPackages(sqlite).length, failure };
  };

  // What is new goes into the outbox first, by head office's last known state: a branch offline for a
  // week keeps building its packages on schedule, and the badge counts them.
  const known = readProgress(sqlite).headOffice;
  ctx.db.transaction(() =>
    buildPackages(ctx, {
      appVersion: deps.appVersion,
      headOfficeEpoch: known?.epoch,
      maxBytes: known?.max_package_bytes,
    }),
  );

  for (let reconcile = 0; reconcile < 3; reconcile += 1) {
    const state = await attempt(stateRequest(office.branchCode));
    if ('failure' in state) return fail(state.failure);
    if (state.response.status !== 200)
      return fail(responseFailure(state.response, ctx.clock.now().toISOString()), state.response);
    const headOffice = JSON.parse(state.response.body) as BranchState;
    ctx.db.transaction(() =>
      writeProgress(
        sqlite,
        { headOffice: { ...headOffice, at: ctx.clock.now().toISOString() } },
        ctx.clock.now().toISOString(),
      ),
    );
    setStraight(ctx, headOffice, deps.appVersion);

    let restart = false;
    for (const pkg of pendingPackages(sqlite)) {
      if (pkg.state === 'rejected') {
        // Packages arrive in seq order: one head office refused holds back the rest until the person acts.
        const failure =
          (pkg.lastError as UploadFailure | null) ??
          responseFailure({ status: 0, headers: {}, body: '' }, '');
        return { outcome: 'failed', sent, pending: pendingPackages(sqlite).length, failure };
      }
      markSending(ctx, pkg);
      const sending = await attempt(
        packageRequest(office.branchCode, pkg, packageBody(sqlite, pkg.packageId)),
      );
      if ('failure' in sending) {
        markAttempt(ctx, pkg, 'built', sending.failure);
        return fail(sending.failure);
      }
      const { response } = sending;
      if (response.status >= 200 && response.status < 300) {
        const receipt = JSON.parse(response.body) as Receipt;
        markAcked(ctx, pkg, receipt);
        sent += 1;
        continue;
      }
      const failure = responseFailure(response, ctx.clock.now().toISOString());
      if (response.status === 413 && reconcile < 2) {
        // Over head office's limit: rebuilt, from this seq on, as packages within it (the state's limit).
        markAttempt(ctx, pkg, 'built', failure);
        dissolveFrom(ctx, pkg);
        restart = true;
        break;
      }
      if (response.status === 409 && reconcile < 2 && parseRefusal(response.body)?.error !== 'epoch_behind') {
        // Out of step (a gap, a chain or epoch head office does not share): ask where it stands and set the
        // outbox straight against that, rather than sending the same package into the same refusal.
        markAttempt(ctx, pkg, 'built', failure);
        restart = true;
        break;
      }
      markAttempt(ctx, pkg, failure.retry ? 'built' : 'rejected', failure);
      return fail(failure, response);
    }
    if (!restart) break;
  }

  const now = ctx.clock.now().toISOString();
  ctx.db.transaction(() => {
    // Head office now stands where the last receipt says: what the page shows until the next state.
    const known = readProgress(sqlite).headOffice;
    const acked = prepared(
      sqlite,
      "SELECT epoch, seq, sha256 FROM upload_outbox WHERE state = 'acked' ORDER BY epoch DESC, seq DESC LIMIT 1",
    ).get() as { epoch: number; seq: number; sha256: string } | undefined;
    dropExpiredPackages(sqlite, readUploadSettings(sqlite).keepAckedDays, ctx.clock.now());
    writeProgress(
      sqlite,
      {
        failuresInRow: 0,
        nextAttemptAt: null,
        lastAttemptAt: now,
        lastSuccessAt: now,
        lastError: null,
        blocked: false,
        ...(known && acked
          ? { headOffice: { ...known, epoch: acked.epoch, last_seq: acked.seq, last_sha256: acked.sha256 } }
          : {}),
      },
      now,
    );
  });
  return { outcome: 'uploaded', sent, pending: pendingPackages(sqlite).length };
}

/**
 * Takes back the packages from `pkg` on, none of which head office has (it applies in seq order and refused
 * this one): they stay in the outbox as superseded, and what they carried — change-log entries, master-data
 * marks — is free again for the packages built in their place.
 */
function dissolveFrom(ctx: ServiceContext, pkg: OutboxPackage): void {
  const sqlite = ctx.db.$client;
  ctx.db.transaction(() => {
    prepared(
      sqlite,
      "UPDATE upload_outbox SET state = 'superseded' WHERE epoch = ? AND seq >= ? AND state IN ('built', 'sending', 'rejected')",
    ).run(pkg.epoch, pkg.seq);
    prepared(
      sqlite,
      'UPDATE change_log SET package_seq = NULL, package_epoch = NULL WHERE package_epoch = ? AND package_seq >= ?',
    ).run(pkg.epoch, pkg.seq);
    prepared(sqlite, 'DELETE FROM upload_master_marks WHERE epoch = ? AND seq >= ?').run(pkg.epoch, pkg.seq);
  });
}

function markSending(ctx: ServiceContext, pkg: OutboxPackage): void {
  const now = ctx.clock.now().toISOString();
  prepared(
    ctx.db.$client,
    "UPDATE upload_outbox SET state = 'sending', attempts = attempts + 1, last_attempt_at = ? WHERE package_id = ?",
  ).run(now, pkg.packageId);
}

function markAttempt(
  ctx: ServiceContext,
  pkg: OutboxPackage,
  state: 'built' | 'rejected',
  failure: UploadFailure,
): void {
  prepared(ctx.db.$client, 'UPDATE upload_outbox SET state = ?, last_error = ? WHERE package_id = ?').run(
    state,
    JSON.stringify(failure),
    pkg.packageId,
  );
}

/** The receipt and the acknowledgement together: one transaction (UPLOAD.md "On the wire" 4). */
function markAcked(ctx: ServiceContext, pkg: OutboxPackage, receipt: Receipt): void {
  ctx.db.transaction(() => {
    prepared(
      ctx.db.$client,
      "UPDATE upload_outbox SET state = 'acked', receipt = ?, acked_at = ?, last_error = NULL, next_attempt_at = NULL WHERE package_id = ?",
    ).run(JSON.stringify(receipt), ctx.clock.now().toISOString(), pkg.packageId);
  });
}

/**
 * Sets the outbox straight against head office's state (UPLOAD.md "On the wire" 1), then builds what is new:
 * - head office behind within the epoch (restored from an older backup): the retained packages after its
 *   last seq go back to be sent — if every one is still here and its chain meets head office's last hash;
 * - no common history (the hash at head office's last seq is not ours, a needed package purged, or head
 *   office on an epoch above ours): a new epoch, with a full snapshot, never reusing a seq.
 */
function setStraight(ctx: ServiceContext, state: BranchState, appVersion: string): void {
  const sqlite = ctx.db.$client;
  ctx.db.transaction(() => {
    const epoch = (
      prepared(sqlite, 'SELECT max(epoch) AS epoch FROM upload_epochs').get() as { epoch: number | null }
    ).epoch;
    let diverged = false;
    if (epoch !== null && state.epoch === epoch) {
      const held = (seq: number) =>
        prepared(
          sqlite,
          "SELECT sha256, state FROM upload_outbox WHERE epoch = ? AND seq = ? AND state <> 'superseded'",
        ).get(epoch, seq) as { sha256: string; state: string } | undefined;
      const atLast = state.last_seq === 0 ? null : held(state.last_seq);
      if (state.last_seq > 0 && (!atLast || atLast.sha256 !== state.last_sha256)) diverged = true;
      else {
        const after = prepared(
          sqlite,
          "SELECT seq FROM upload_outbox WHERE epoch = ? AND seq > ? AND state <> 'superseded' ORDER BY seq",
        ).all(epoch, state.last_seq) as { seq: number }[];
        const unbroken = after.every((row, index) => row.seq === state.last_seq + 1 + index);
        if (!unbroken) diverged = true;
        else {
          prepared(
            sqlite,
            "UPDATE upload_outbox SET state = 'built', receipt = NULL, acked_at = NULL WHERE epoch = ? AND seq > ? AND state = 'acked'",
          ).run(epoch, state.last_seq);
        }
      }
    } else if (epoch !== null && state.epoch > epoch) diverged = true;
    else if (epoch !== null && state.epoch < epoch) {
      // Head office has not (or no longer) got this epoch: send it from its snapshot, if still held.
      const first = prepared(
        sqlite,
        "SELECT count(*) AS n FROM upload_outbox WHERE epoch = ? AND seq = 1 AND state <> 'superseded'",
      ).get(epoch) as { n: number };
      if (first.n === 0) diverged = true;
      else
        prepared(
          sqlite,
          "UPDATE upload_outbox SET state = 'built', receipt = NULL, acked_at = NULL WHERE epoch = ? AND state = 'acked'",
        ).run(epoch);
    }
    const [built] = buildPackages(ctx, {
      appVersion,
      headOfficeEpoch: state.epoch,
      diverged,
      maxBytes: state.max_package_bytes,
    });
    if (built?.snapshot) {
      // The snapshot carries all; what older epochs left unsent will never be taken, and need not be.
      prepared(
        sqlite,
        "UPDATE upload_outbox SET state = 'superseded' WHERE epoch < ? AND state IN ('built', 'sending', 'rejected')",
      ).run(built.epoch);
    }
  });
}
