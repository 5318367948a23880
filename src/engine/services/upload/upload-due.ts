import net from 'node:net';
import type Database from 'better-sqlite3';
import { latestSlot, nextSlot } from '../../domain/upload/upload-schedule';
import type { Clock } from '../context';
import { pendingPackages } from './outbox-list';
import { readProgress } from './upload-progress';
import { readUploadSettings } from './upload-settings';

/**
 * Whether the upload loop should run now, by its own timer — never only because something was written
 * (a branch that enters nothing for a week still uploads its period figures on schedule):
 * - `retry`: a failed attempt's wait is over, or packages are waiting with no wait set (a run that died);
 * - `schedule`: the branch's schedule slot has come;
 * - `network`: waiting after a network failure, and head office's port answers again — retry at once;
 * - null: nothing to do, or a refusal waiting for the person.
 */
export type UploadDue = 'retry' | 'schedule' | 'network' | null;

export async function uploadDue(sqlite: Database.Database, clock: Clock): Promise<UploadDue> {
  const settings = readUploadSettings(sqlite);
  if (!settings.headOfficeUrl) return null;
  const progress = readProgress(sqlite);
  if (progress.blocked) return null;
  const now = clock.now();
  if (progress.nextAttemptAt !== null) {
    if (progress.nextAttemptAt <= now.toISOString()) return 'retry';
    if (progress.lastError?.status === null && (await reachable(settings.headOfficeUrl))) return 'network';
    return null;
  }
  if (pendingPackages(sqlite).some((pkg) => pkg.state !== 'rejected')) return 'retry';
  const local = clock.localTime(now);
  return progress.lastSlotRun === null || latestSlot(settings, local) > progress.lastSlotRun
    ? 'schedule'
    : null;
}

/** The schedule slot a run at `now` takes. */
export function slotAt(sqlite: Database.Database, clock: Clock): string {
  return latestSlot(readUploadSettings(sqlite), clock.localTime(clock.now()));
}

/** The next scheduled upload, local time: for the badge's 下次尝试 when nothing is failing. */
export function nextScheduled(sqlite: Database.Database, clock: Clock): string {
  return nextSlot(readUploadSettings(sqlite), clock.localTime(clock.now()));
}

/** Whether head office's host accepts a TCP connection: a cheap sign the network is back. */
function reachable(url: string, timeoutMs = 3_000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 443) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
