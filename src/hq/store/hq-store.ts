import type { PackageManifest } from '../../shared/upload/package-format';
import type { Receipt } from '../../shared/upload/wire';
import type { HqConsoleReads } from './console-reads';

/** A branch head office accepts packages from. The secret is kept as is: an HMAC is checked with it. */
export interface BranchRecord {
  code: string;
  name: string;
  secret: string;
  disabled: boolean;
  createdAt: string;
}

/** Where head office stands with a branch: epoch 0 and seq 0 before its first package. */
export interface StoredState {
  epoch: number;
  lastSeq: number;
  lastSha256: string | null;
}

/** An applied package as kept forever: its idempotency key (the package id), receipt and manifest. */
export interface StoredPackage {
  packageId: string;
  epoch: number;
  seq: number;
  sha256: string;
  receipt: Receipt;
  manifest: PackageManifest;
}

/** A package head office refused, kept so that an operator can see what a branch tried to send. */
export interface Rejection {
  branchCode: string;
  epoch: number | null;
  seq: number | null;
  packageId: string | null;
  error: string;
  message: string;
  bytes: number;
  at: string;
}

/** A period part head office holds, and the package that delivered it. */
export interface HeldPeriodPart {
  section: string;
  period: string;
  part: number;
  parts: number;
  rows: number;
  epoch: number;
  seq: number;
}

/** The period a part belongs to, as the manifest gave it, so the console can place days and weeks in months. */
export interface PeriodSpan {
  kind: string;
  from: string;
  to: string;
}

/** A package being applied: what may be written, all inside the one transaction of `applyInBranchLock`. */
export interface BranchWrite {
  findPackage(packageId: string): Promise<StoredPackage | null>;
  /** Part 1 of a period part: everything held for the branch × section × period goes. */
  clearPeriod(section: string, period: string): Promise<void>;
  /** A following piece sent again: only that piece goes. */
  clearPeriodPart(section: string, period: string, part: number): Promise<void>;
  recordPeriodPart(part: HeldPeriodPart, span: PeriodSpan): Promise<void>;
  /** Rows of a per-period part, numbered from `firstOrdinal` in the order the package carries them. */
  insertPeriodRows(
    section: string,
    period: string,
    part: number,
    firstOrdinal: number,
    rows: readonly Record<string, unknown>[],
  ): Promise<void>;
  /** Rows of a section that is not per period replace the branch's row of the same uid. */
  upsertEntities(
    section: string,
    rows: readonly Record<string, unknown>[],
    from: { epoch: number; seq: number },
  ): Promise<void>;
  saveState(state: StoredState): Promise<void>;
  savePackage(stored: StoredPackage, body: Buffer): Promise<void>;
}

/**
 * Head office's storage. Two implementations (SQLite, PostgreSQL) behave the same; the rules of the
 * protocol live in receive-package.ts, not here.
 */
export interface HqStore {
  readonly kind: 'sqlite' | 'pg';
  /** What the head-office console shows, read in sums by the database. */
  readonly console: HqConsoleReads;
  addBranch(branch: { code: string; name: string; secret: string }, at: string): Promise<void>;
  findBranch(code: string): Promise<BranchRecord | null>;
  listBranches(): Promise<BranchRecord[]>;
  /** False when there is no such branch. */
  setBranchDisabled(code: string, disabled: boolean): Promise<boolean>;
  readState(code: string): Promise<StoredState | null>;
  findPackage(code: string, packageId: string): Promise<StoredPackage | null>;
  findPackageAt(code: string, epoch: number, seq: number): Promise<StoredPackage | null>;
  packageBody(code: string, epoch: number, seq: number): Promise<Buffer | null>;
  recordRejection(rejection: Rejection): Promise<void>;
  rejections(code: string): Promise<Rejection[]>;
  /**
   * Runs `work` in one transaction holding the branch's write lock, so two sends of the same branch
   * apply one after the other; `state` is read under the lock. Throwing rolls everything back.
   */
  applyInBranchLock<T>(
    code: string,
    work: (write: BranchWrite, state: StoredState) => Promise<T>,
  ): Promise<T>;
  heldPeriodParts(code: string): Promise<HeldPeriodPart[]>;
  /** The stored rows of a period part: typed sections give their figure columns, others their JSON rows. */
  periodPartRows(
    code: string,
    section: string,
    period: string,
    part: number,
  ): Promise<Record<string, unknown>[]>;
  /** Rows held per section (period rows and entity rows), to show and to prove nothing changed. */
  rowCounts(code: string): Promise<Record<string, number>>;
  close(): Promise<void>;
}
