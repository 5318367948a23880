import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { newUid } from '../../db/uid';
import { LedgerError } from '../../../shared/ledger-error';
import {
  packageFormatVersion,
  sectionSpecs,
  type PackageManifest,
  type PackagePeriod,
} from '../../../shared/upload/package-format';
import { periodOf, periodsBetween } from '../../domain/upload/upload-periods';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { PackageWriter } from './package-writer';
import { uploadSections } from './sections';
import { epochForBuild } from './upload-epoch';
import { readUploadSettings } from './upload-settings';
import { uidLookup, type ChangeEntry, type IdentitySection, type SectionReading } from './upload-section';

export interface BuildOptions {
  /** Head office's epoch, from its state: a branch behind it opens a new epoch above. */
  headOfficeEpoch?: number | undefined;
  /** Head office shares no history with the branch (UPLOAD.md "On the wire" 1): open a new epoch. */
  diverged?: boolean | undefined;
  /** Build even with nothing new: a package carrying the current period's figures. */
  force?: boolean | undefined;
  /** The app's version, for the manifest. */
  appVersion: string;
}

export interface BuiltPackage {
  packageId: string;
  epoch: number;
  seq: number;
  sha256: string;
  bytes: number;
  snapshot: boolean;
  periods: string[];
  sectionRows: Record<string, number>;
}

/** The uploaded form of a record marked as gone (moved out of the ledger, a month reopened). */
const removedMark = 'removed';

function rowHash(row: unknown): string {
  return createHash('sha256').update(JSON.stringify(row)).digest('hex');
}

/** The business date a change-log entry moves figures from; null: it moves none (a profile change). */
function changedDate(change: ChangeEntry): string | null {
  const payload = change.payload;
  if (typeof payload.businessDate === 'string') return payload.businessDate;
  if (change.entity === 'month_close' && typeof payload.month === 'string') return `${payload.month}-01`;
  return null;
}

/** The first business date the ledger holds figures for; null: none yet. */
function firstBusinessDate(sqlite: Database.Database): string | null {
  const row = prepared(
    sqlite,
    'SELECT min(d) AS first FROM (SELECT min(posting_date) AS d FROM stock_movements ' +
      'UNION ALL SELECT min(business_date) FROM open_items ' +
      "UNION ALL SELECT min(business_date) FROM documents WHERE status = 'completed')",
  ).get() as { first: string | null };
  return row.first;
}

function allDocumentChanges(sqlite: Database.Database): ChangeEntry[] {
  const rows = prepared(
    sqlite,
    "SELECT id, entity, entity_uid AS entityUid, operation, '{}' AS payload FROM change_log WHERE entity = 'document' ORDER BY id",
  ).all() as (Omit<ChangeEntry, 'payload'> & { payload: string })[];
  return rows.map((row) => ({ ...row, payload: {} }));
}

function latestMarks(sqlite: Database.Database, entity: string, epoch: number): Map<string, string> {
  const rows = prepared(
    sqlite,
    'SELECT uid, sha256, max(seq) FROM upload_master_marks WHERE entity = ? AND epoch = ? GROUP BY uid',
  )
    .raw(true)
    .all(entity, epoch) as [string, string, number][];
  return new Map(rows.map(([uid, sha]) => [uid, sha]));
}

/**
 * Builds the next upload package (UPLOAD.md "Packages"), in one transaction with what it carries: the
 * change-log entries not yet packaged are marked with its seq, the master data it sends is marked with
 * its hashes, and the outbox row holds the gzip body as built. Returns null when there is nothing to send
 * (no change since the last package, and the current period already sent) unless `force`.
 *
 * Which periods: a snapshot (an epoch's first package) carries every period from the ledger's first
 * business date to today; later packages every period from the earliest date the new changes touched
 * (a backdated document moves every balance after it) to today.
 */
export function buildPackage(ctx: ServiceContext, options: BuildOptions): BuiltPackage | null {
  const sqlite = ctx.db.$client;
  return ctx.db.transaction(() => {
    const now = ctx.clock.now().toISOString();
    const today = ctx.clock.today();
    const profile = getBranchProfile(ctx);
    const settings = readUploadSettings(sqlite);
    const { epoch } = epochForBuild(sqlite, now, options);
    const last = prepared(
      sqlite,
      "SELECT seq, sha256, periods FROM upload_outbox WHERE epoch = ? AND state <> 'superseded' ORDER BY seq DESC LIMIT 1",
    ).get(epoch) as { seq: number; sha256: string; periods: string } | undefined;
    const snapshot = last === undefined;
    const seq = (last?.seq ?? 0) + 1;

    const changes = (
      prepared(
        sqlite,
        'SELECT id, entity, entity_uid AS entityUid, operation, payload FROM change_log WHERE package_seq IS NULL ORDER BY id',
      ).all() as (Omit<ChangeEntry, 'payload'> & { payload: string })[]
    ).map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }));

    const current = periodOf(settings.periodKind, today);
    let periods: PackagePeriod[];
    if (snapshot) {
      const first = firstBusinessDate(sqlite);
      periods = periodsBetween(settings.periodKind, first !== null && first < today ? first : today, today);
    } else {
      const dates = changes.map(changedDate).filter((date): date is string => date !== null);
      const from = dates.reduce((earliest, date) => (date < earliest ? date : earliest), current.from);
      const lastPeriods = JSON.parse(last.periods) as string[];
      const currentSent = lastPeriods.includes(current.key);
      periods =
        dates.length > 0 || !currentSent || options.force
          ? periodsBetween(settings.periodKind, from, today)
          : [];
    }

    const reading: SectionReading = { sqlite, profile, uids: uidLookup(sqlite) };
    const writer = new PackageWriter();
    const sectionRows: Record<string, number> = {};
    const marks: { entity: string; uid: string; sha256: string }[] = [];
    let sentSomething = periods.length > 0;

    const writeIdentities = (section: IdentitySection) => {
      const previous = latestMarks(sqlite, section.name, epoch);
      writer.beginPart(section.name, null, sectionSpecs[section.name].totalled);
      const seen = new Set<string>();
      for (const record of section.records(reading)) {
        seen.add(record.uid);
        const sha = rowHash(record);
        if (previous.get(record.uid) === sha) continue;
        writer.row(record);
        marks.push({ entity: section.name, uid: record.uid, sha256: sha });
      }
      for (const [uid, sha] of previous) {
        if (seen.has(uid) || sha === removedMark) continue;
        writer.row({ uid, removed: true });
        marks.push({ entity: section.name, uid, sha256: removedMark });
      }
      sectionRows[section.name] = writer.partRows;
      if (writer.partRows > 0) sentSomething = true;
    };

    for (const section of uploadSections) {
      if (section.shape === 'identity') writeIdentities(section);
      else if (section.shape === 'changes') {
        if (!settings[section.setting]) continue;
        writer.beginPart(section.name, null, sectionSpecs[section.name].totalled);
        // A snapshot starts head office's copy again: every completed document, not only the new ones.
        for (const row of section.rows(reading, snapshot ? allDocumentChanges(sqlite) : changes))
          writer.row(row);
        sectionRows[section.name] = writer.partRows;
      } else {
        let rows = 0;
        for (const period of periods) {
          writer.beginPart(section.name, period.key, sectionSpecs[section.name].totalled);
          for (const row of section.rows(reading, period)) writer.row(row);
          rows += writer.partRows;
        }
        sectionRows[section.name] = rows;
      }
    }
    if (!sentSomething && changes.length === 0 && !options.force) return null;

    const packageId = newUid();
    const manifest: Omit<PackageManifest, 'sections'> = {
      format: packageFormatVersion,
      schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
      appVersion: options.appVersion,
      branchCode: profile.code,
      branchUid: profile.uid,
      packageId,
      epoch,
      seq,
      prevSha256: last?.sha256 ?? null,
      snapshot,
      builtAt: now,
      quantityScale: profile.quantityDecimals,
      periodKind: settings.periodKind,
      periods,
    };
    const built = writer.finish(manifest);
    if (built.body.length > 0x7fff_ffff) throw new LedgerError('CONFLICT', '上传包过大。');
    const periodKeys = periods.map((period) => period.key);
    prepared(
      sqlite,
      'INSERT INTO upload_outbox (package_id, epoch, seq, sha256, prev_sha256, snapshot, periods, section_rows, bytes, body, built_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      packageId,
      epoch,
      seq,
      built.sha256,
      last?.sha256 ?? null,
      snapshot ? 1 : 0,
      JSON.stringify(periodKeys),
      JSON.stringify(sectionRows),
      built.body.length,
      built.body,
      now,
    );
    if (changes.length > 0) {
      prepared(
        sqlite,
        'UPDATE change_log SET package_seq = ?, package_epoch = ? WHERE package_seq IS NULL AND id <= ?',
      ).run(seq, epoch, changes.at(-1)!.id);
    }
    const mark = prepared(
      sqlite,
      'INSERT INTO upload_master_marks (entity, uid, epoch, seq, sha256) VALUES (?, ?, ?, ?, ?)',
    );
    for (const m of marks) mark.run(m.entity, m.uid, epoch, seq, m.sha256);
    return {
      packageId,
      epoch,
      seq,
      sha256: built.sha256,
      bytes: built.body.length,
      snapshot,
      periods: periodKeys,
      sectionRows,
    };
  });
}
