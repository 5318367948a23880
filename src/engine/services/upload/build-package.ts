import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { newUid } from '../../db/uid';
import {
  packageFormatVersion,
  sectionSpecs,
  type PackageManifest,
  type PackagePeriod,
  type SectionName,
} from '../../../shared/upload/package-format';
import { periodOf, periodsBetween } from '../../domain/upload/upload-periods';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import type { Member } from './package-compression';
import { PackageWriter } from './package-writer';
import { uploadSections } from './sections';
import { epochForBuild } from './upload-epoch';
import { readUploadSettings } from './upload-settings';
import {
  uidLookup,
  type ChangeEntry,
  type IdentitySection,
  type SectionReading,
  type UploadRow,
} from './upload-section';

export interface BuildOptions {
  /** Head office's epoch, from its state: a branch behind it opens a new epoch above. */
  headOfficeEpoch?: number | undefined;
  /** Head office shares no history with the branch (UPLOAD.md "On the wire" 1): open a new epoch. */
  diverged?: boolean | undefined;
  /** Build even with nothing new: a package carrying the current period's figures. */
  force?: boolean | undefined;
  /** The app's version, for the manifest. */
  appVersion: string;
  /** Head office's size limit: what would exceed it goes into further packages, whole parts each. */
  maxBytes?: number | undefined;
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

/** upload_table_versions: how many writes each master-data table has had. */
function readTableVersions(sqlite: Database.Database): Map<string, number> {
  const rows = prepared(sqlite, 'SELECT table_name, version FROM upload_table_versions').raw(true).all() as [
    string,
    number,
  ][];
  return new Map(rows);
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
 * Builds the next upload packages (UPLOAD.md "Packages"), in one transaction with what they carry: the
 * change-log entries not yet packaged are marked with its seq, the master data it sends is marked with
 * its hashes, and the outbox holds the gzip body as built, stored member by member as the build goes. Returns none when there is nothing to send
 * (no change since the last package, and the current period already sent) unless `force`. Over
 * `maxBytes` (head office's limit) the rows go on into further packages of consecutive seqs.
 *
 * Which periods: a snapshot (an epoch's first package) carries every period from the ledger's first
 * business date to today; later packages every period from the earliest date the new changes touched
 * (a backdated document moves every balance after it) to today.
 */
export function buildPackages(ctx: ServiceContext, options: BuildOptions): BuiltPackage[] {
  const sqlite = ctx.db.$client;
  return ctx.db.transaction(() => {
    const now = ctx.clock.now().toISOString();
    const today = ctx.clock.today();
    const profile = getBranchProfile(ctx);
    const settings = readUploadSettings(sqlite);
    const { epoch } = epochForBuild(sqlite, now, options);
    const last = prepared(
      sqlite,
      'SELECT seq, sha256, periods, identity_versions AS identityVersions FROM upload_outbox ' +
        "WHERE epoch = ? AND state <> 'superseded' ORDER BY seq DESC LIMIT 1",
    ).get(epoch) as
      { seq: number; sha256: string; periods: string; identityVersions: string | null } | undefined;
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
    const packer = new Packer({
      sqlite,
      epoch,
      firstSeq: seq,
      prevSha256: last?.sha256 ?? null,
      snapshot,
      now,
      budget: options.maxBytes === undefined ? Infinity : Math.floor(options.maxBytes * 0.9),
      manifest: {
        format: packageFormatVersion,
        schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
        appVersion: options.appVersion,
        branchCode: profile.code,
        branchUid: profile.uid,
        quantityScale: profile.quantityDecimals,
        periodKind: settings.periodKind,
      },
    });

    const tableVersions = readTableVersions(sqlite);
    const readAt: Record<string, string> = last?.identityVersions ? JSON.parse(last.identityVersions) : {};
    const identityVersions: Record<string, string> = {};
    const writeIdentities = (section: IdentitySection) => {
      packer.beginPart(section.name, null);
      if (section.tables) {
        const versions = section.tables.map((table) => tableVersions.get(table) ?? 0).join('.');
        identityVersions[section.name] = versions;
        // Nothing it is read from has changed since the last package: its diff would be empty.
        if (readAt[section.name] === versions) return;
      }
      const previous = latestMarks(sqlite, section.name, epoch);
      const seen = new Set<string>();
      for (const record of section.records(reading)) {
        seen.add(record.uid);
        const sha = rowHash(record);
        if (previous.get(record.uid) === sha) continue;
        packer.row(record, { entity: section.name, uid: record.uid, sha256: sha });
      }
      for (const [uid, sha] of previous) {
        if (seen.has(uid) || sha === removedMark) continue;
        packer.row({ uid, removed: true }, { entity: section.name, uid, sha256: removedMark });
      }
    };

    // Identities first, then completed documents, then the figures period by period, so that a package
    // split to head office's size limit carries whole periods.
    const writeSections = () => {
      for (const section of uploadSections) {
        if (section.shape === 'identity') writeIdentities(section);
        if (section.shape === 'changes' && settings[section.setting]) {
          packer.beginPart(section.name, null);
          // A snapshot starts head office's copy again: every completed document, not only the new ones.
          for (const row of section.rows(reading, snapshot ? allDocumentChanges(sqlite) : changes)) {
            packer.row(row);
            // Its rows are read one statement at a time, so the connection is free between them: the
            // body's members are stored as they come, and every document of a snapshot never sits in
            // memory as gzip.
            packer.storeMembers();
          }
        }
      }
      for (const period of periods) {
        packer.beginPeriod(period);
        for (const section of uploadSections) {
          if (section.shape !== 'period') continue;
          packer.beginPart(section.name, period.key);
          section.write(reading, period, packer);
        }
      }
    };

    try {
      writeSections();
    } catch (error) {
      packer.abandon();
      throw error;
    }
    if (periods.length === 0 && packer.rowsWritten === 0 && changes.length === 0 && !options.force) {
      packer.abandon();
      return [];
    }
    const built = packer.finish(identityVersions);
    if (changes.length > 0) {
      // The entries travel with the epoch's package that carries the documents: the first one built now.
      prepared(
        sqlite,
        'UPDATE change_log SET package_seq = ?, package_epoch = ? WHERE package_seq IS NULL AND id <= ?',
      ).run(seq, epoch, changes.at(-1)!.id);
    }
    return built;
  });
}

type ManifestBase = Pick<
  PackageManifest,
  'format' | 'schemaVersion' | 'appVersion' | 'branchCode' | 'branchUid' | 'quantityScale' | 'periodKind'
>;

interface Mark {
  entity: string;
  uid: string;
  sha256: string;
}

/** One package being written: its id, writer, the periods it carries, its rows per section and marks. */
interface OpenPackage {
  packageId: string;
  writer: PackageWriter;
  periods: PackagePeriod[];
  sectionRows: Record<string, number>;
  marks: Mark[];
}

/**
 * Lays rows into packages of consecutive seqs, starting another when the open one's text passes the
 * budget at a part's start (so a period part is never split) or within a part that is not per period,
 * chaining each to the one before, and stores each
 * in the outbox with the marks of the master data it carried.
 */
class Packer {
  private readonly built: BuiltPackage[] = [];
  private readonly sealed: {
    built: BuiltPackage;
    prevSha256: string | null;
    /** The body's members not stored yet. */
    members: Member[];
    marks: Mark[];
    identityVersions?: Record<string, string>;
  }[] = [];
  private open: OpenPackage = Packer.empty();
  private seq: number;
  private prevSha256: string | null;
  private period: PackagePeriod | null = null;
  private section: SectionName = 'branch_profile';
  /** The open part's period key (null for a section that is not per period) and rows in this package. */
  private partPeriod: string | null = null;
  private partRows = 0;
  rowsWritten = 0;

  constructor(
    private readonly options: {
      sqlite: Database.Database;
      epoch: number;
      firstSeq: number;
      prevSha256: string | null;
      snapshot: boolean;
      now: string;
      budget: number;
      manifest: ManifestBase;
    },
  ) {
    this.seq = options.firstSeq;
    this.prevSha256 = options.prevSha256;
  }

  private static empty(): OpenPackage {
    return { packageId: newUid(), writer: new PackageWriter(), periods: [], sectionRows: {}, marks: [] };
  }

  beginPeriod(period: PackagePeriod): void {
    this.period = period;
  }

  beginPart(section: SectionName, period: string | null): void {
    // Only a package with something in it: a build that finds nothing new writes its identity parts empty,
    // and then stores nothing at all.
    const carries = this.open.periods.length > 0 || Object.keys(this.open.sectionRows).length > 0;
    if (carries && this.overBudget()) this.seal();
    this.flush();
    this.storeMembers();
    if (period !== null && this.period && !this.open.periods.includes(this.period))
      this.open.periods.push(this.period);
    this.section = section;
    this.partPeriod = period;
    this.partRows = 0;
    this.open.writer.beginPart(section, period, sectionSpecs[section].totalled);
  }

  row(row: UploadRow, mark?: Mark): void {
    // A part that is not per period (every completed document in a snapshot) may outgrow the limit on its
    // own. Its rows replace head office's row of the same uid one by one, so the rest of it simply goes on
    // in the next package. A period part replaces the period whole, and stays in one package.
    if (this.partPeriod === null && this.partRows > 0 && this.overBudget()) {
      this.seal();
      this.partRows = 0;
      this.open.writer.beginPart(this.section, null, sectionSpecs[this.section].totalled);
    }
    this.partRows += 1;
    this.open.writer.row(row);
    this.open.sectionRows[this.section] = (this.open.sectionRows[this.section] ?? 0) + 1;
    if (mark) this.open.marks.push(mark);
    this.rowsWritten += 1;
  }

  /** Whether the open package weighs more than the budget: its text, its manifest and the periods it names. */
  private overBudget(): boolean {
    return this.open.writer.sizeEstimate + JSON.stringify(this.open.periods).length > this.options.budget;
  }

  /** The open part's line prefix (RowSink). */
  get linePrefix(): string {
    return this.open.writer.linePrefix;
  }

  /** Period rows as lines made in SQL (RowSink): a period part is never split, so no budget check here. */
  lines(bytes: Buffer, rows: number, totals: readonly bigint[]): void {
    this.open.writer.lines(bytes, rows, totals);
    this.open.sectionRows[this.section] = (this.open.sectionRows[this.section] ?? 0) + rows;
    this.rowsWritten += rows;
  }

  /** Gives up the open package: the build failed, or has nothing to send. */
  abandon(): void {
    this.open.writer.abandon();
    // Its members stored so far would otherwise name a package that never was (refused at commit).
    prepared(this.options.sqlite, 'DELETE FROM upload_outbox_members WHERE package_id = ?').run(
      this.open.packageId,
    );
  }

  /**
   * Seals the last package and stores what is still in memory. `identityVersions` go on the last package
   * only: a 413 that dissolves any package of this build supersedes it too, and the next build reads
   * every section again.
   */
  finish(identityVersions: Record<string, string>): BuiltPackage[] {
    this.seal();
    this.sealed.at(-1)!.identityVersions = identityVersions;
    this.flush();
    return this.built;
  }

  /**
   * Closes the open package in memory. Its outbox row is written by `flush`, between parts: while a
   * section's rows are read, its query holds the connection and nothing else may run on it.
   */
  private seal(): void {
    const { packageId } = this.open;
    const snapshot = this.options.snapshot && this.built.length + this.sealed.length === 0;
    const result = this.open.writer.finish({
      ...this.options.manifest,
      packageId,
      epoch: this.options.epoch,
      seq: this.seq,
      prevSha256: this.prevSha256,
      snapshot,
      builtAt: this.options.now,
      periods: this.open.periods,
    });
    this.sealed.push({
      built: {
        packageId,
        epoch: this.options.epoch,
        seq: this.seq,
        sha256: result.sha256,
        bytes: result.bytes,
        snapshot,
        periods: this.open.periods.map((period) => period.key),
        sectionRows: this.open.sectionRows,
      },
      prevSha256: this.prevSha256,
      members: result.members,
      marks: this.open.marks,
    });
    this.prevSha256 = result.sha256;
    this.seq += 1;
    this.open = Packer.empty();
  }

  private flush(): void {
    const { sqlite, now } = this.options;
    const insert = prepared(
      sqlite,
      'INSERT INTO upload_outbox (package_id, epoch, seq, sha256, prev_sha256, snapshot, periods, section_rows, bytes, built_at, identity_versions) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const mark = prepared(
      sqlite,
      'INSERT INTO upload_master_marks (entity, uid, epoch, seq, sha256) VALUES (?, ?, ?, ?, ?)',
    );
    for (const { built, prevSha256, members, marks, identityVersions } of this.sealed.splice(0)) {
      this.insertMembers(built.packageId, members);
      insert.run(
        built.packageId,
        built.epoch,
        built.seq,
        built.sha256,
        prevSha256,
        built.snapshot ? 1 : 0,
        JSON.stringify(built.periods),
        JSON.stringify(built.sectionRows),
        built.bytes,
        now,
        identityVersions ? JSON.stringify(identityVersions) : null,
      );
      for (const m of marks) mark.run(m.entity, m.uid, built.epoch, built.seq, m.sha256);
      this.built.push(built);
    }
  }

  /**
   * Stores the open package's members made so far (its row comes when it is sealed). Only while no
   * statement is being read: between parts, or between rows that are not read from an open statement.
   */
  storeMembers(): void {
    this.insertMembers(this.open.packageId, this.open.writer.members());
  }

  private insertMembers(packageId: string, members: readonly Member[]): void {
    const insert = prepared(
      this.options.sqlite,
      'INSERT INTO upload_outbox_members (package_id, member, bytes) VALUES (?, ?, ?)',
    );
    for (const [index, bytes] of members) insert.run(packageId, index, bytes);
  }
}
