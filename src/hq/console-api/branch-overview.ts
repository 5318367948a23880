import {
  consolidatedSections,
  type BranchFlag,
  type BranchOverview,
  type OverviewAnswer,
} from '../../shared/hq-console/console-api';
import type { BranchActivity, HeldPeriod } from '../store/console-reads';
import type { HqStore } from '../store/hq-store';
import { periodGaps } from './period-gaps';

/**
 * A branch that has not uploaded for two days is 滞后: branches upload at least daily on their own timer
 * (UPLOAD.md), so one silent for longer is offline or stuck, and a weekend's silence is still within it.
 */
export const lagThresholdHours = 48;

const hourMs = 3_600_000;

function latestPeriodOf(held: readonly HeldPeriod[]): BranchOverview['latestPeriod'] {
  const latest = held
    .filter((period) => period.complete)
    .reduce<HeldPeriod | null>(
      (newest, period) => (!newest || period.to > newest.to ? period : newest),
      null,
    );
  return latest ? { key: latest.period, kind: latest.kind, to: latest.to } : null;
}

function overviewOf(activity: BranchActivity, held: readonly HeldPeriod[], now: Date): BranchOverview {
  const lastUploadAt = activity.newest?.appliedAt ?? null;
  const lagHours =
    lastUploadAt === null
      ? null
      : Math.max(0, Math.floor((now.getTime() - Date.parse(lastUploadAt)) / hourMs));
  const gaps = consolidatedSections.flatMap((section) => periodGaps(section, held));
  // A refusal the branch has since got past (it resent, and head office applied) is history, not a fault.
  const unresolvedRejection =
    activity.latestRejection !== null &&
    (lastUploadAt === null || Date.parse(activity.latestRejection.at) > Date.parse(lastUploadAt));
  const flags: BranchFlag[] = [];
  if (activity.disabled) flags.push('disabled');
  if (activity.packages === 0) flags.push('never_uploaded');
  if (unresolvedRejection) flags.push('rejected');
  if (gaps.length > 0) flags.push('gaps');
  if (lagHours !== null && lagHours > lagThresholdHours) flags.push('lagging');
  if (flags.length === 0) flags.push('ok');
  return {
    code: activity.code,
    name: activity.name,
    disabled: activity.disabled,
    registeredAt: activity.createdAt,
    epoch: activity.epoch,
    lastSeq: activity.lastSeq,
    packages: activity.packages,
    lastUploadAt,
    lagHours,
    latestPeriod: latestPeriodOf(held),
    rejections: activity.rejections,
    latestRejection: activity.latestRejection,
    gaps,
    flags,
  };
}

/** The branches page: every registered branch, what head office holds of it, and what needs looking at. */
export async function branchOverview(store: HqStore, now: Date): Promise<OverviewAnswer> {
  const [activities, held] = await Promise.all([
    store.console.branchActivity(),
    store.console.heldPeriods(consolidatedSections),
  ]);
  return {
    asOf: now.toISOString(),
    lagThresholdHours,
    branches: activities.map((activity) =>
      overviewOf(
        activity,
        held.filter((period) => period.branch === activity.code),
        now,
      ),
    ),
  };
}
