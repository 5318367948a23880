import { manifestSchema } from '../../shared/upload/package-format';
import type { Receipt } from '../../shared/upload/wire';
import type { HqConsoleReads } from './console-reads';
import type {
  BranchRecord,
  BranchWrite,
  HeldPeriodPart,
  HqStore,
  PeriodSpan,
  Rejection,
  StoredPackage,
  StoredState,
} from './hq-store';
import { hqSchemaVersion, schemaStatements } from './schema';
import { SqlConsoleReads } from './sql-console-reads';
import type { SqlDriver, SqlSession, SqlValue } from './sql-driver';
import { typedSectionOf, typedSections } from './typed-sections';

interface BranchRow {
  code: string;
  name: string;
  secret: string;
  disabled: number;
  created_at: string;
}
interface StateRow {
  epoch: number;
  last_seq: number;
  last_sha256: string | null;
}
interface PackageRow {
  package_id: string;
  epoch: number;
  seq: number;
  sha256: string;
  receipt_json: string;
  manifest_json: string;
}
interface RejectionRow {
  branch: string;
  epoch: number | null;
  seq: number | null;
  package_id: string | null;
  error: string;
  message: string;
  bytes: number;
  at: string;
}

const packageColumns = 'package_id, epoch, seq, sha256, receipt_json, manifest_json';

function branchOf(row: BranchRow): BranchRecord {
  return {
    code: row.code,
    name: row.name,
    secret: row.secret,
    disabled: Number(row.disabled) !== 0,
    createdAt: row.created_at,
  };
}

function packageOf(row: PackageRow): StoredPackage {
  return {
    packageId: row.package_id,
    epoch: Number(row.epoch),
    seq: Number(row.seq),
    sha256: row.sha256,
    receipt: JSON.parse(row.receipt_json) as Receipt,
    manifest: manifestSchema.parse(JSON.parse(row.manifest_json)),
  };
}

/** A figure as the database takes it: row values were checked to be integers by the package reader. */
function figureValue(value: unknown): bigint {
  return BigInt(typeof value === 'number' || typeof value === 'string' ? value : 0);
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

/**
 * The one implementation of HqStore over a SQL driver: the SQLite and PostgreSQL stores differ only in
 * their driver (connection, dialect words, how a transaction takes its lock).
 */
export class SqlHqStore implements HqStore {
  readonly console: HqConsoleReads;

  private constructor(private readonly db: SqlDriver) {
    this.console = new SqlConsoleReads(db);
  }

  get kind(): 'sqlite' | 'pg' {
    return this.db.kind;
  }

  static async open(db: SqlDriver): Promise<SqlHqStore> {
    await db.migrate([
      ...schemaStatements(db.dialect),
      `INSERT INTO hq_schema (version) SELECT ${hqSchemaVersion} WHERE NOT EXISTS (SELECT 1 FROM hq_schema)`,
    ]);
    const [row] = await db.query<{ version: number }>('SELECT MAX(version) AS version FROM hq_schema');
    if (Number(row?.version) > hqSchemaVersion) {
      await db.close();
      throw new Error(
        `总部数据库的结构版本为 ${row?.version}，高于本程序支持的 ${hqSchemaVersion}：请使用更新版本的总部接收程序。`,
      );
    }
    return new SqlHqStore(db);
  }

  async addBranch(branch: { code: string; name: string; secret: string }, at: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        'INSERT INTO hq_branches (code, name, secret, disabled, created_at) VALUES (?, ?, ?, 0, ?)',
        [branch.code, branch.name, branch.secret, at],
      );
      // The state row exists from the start: it is what a send locks.
      await tx.run(
        'INSERT INTO hq_branch_state (branch, epoch, last_seq, last_sha256) VALUES (?, 0, 0, NULL)',
        [branch.code],
      );
    });
  }

  async findBranch(code: string): Promise<BranchRecord | null> {
    const [row] = await this.db.query<BranchRow>('SELECT * FROM hq_branches WHERE code = ?', [code]);
    return row ? branchOf(row) : null;
  }

  async listBranches(): Promise<BranchRecord[]> {
    return (await this.db.query<BranchRow>('SELECT * FROM hq_branches ORDER BY code')).map(branchOf);
  }

  async setBranchDisabled(code: string, disabled: boolean): Promise<boolean> {
    return (
      (await this.db.run('UPDATE hq_branches SET disabled = ? WHERE code = ?', [disabled ? 1 : 0, code])) > 0
    );
  }

  async readState(code: string): Promise<StoredState | null> {
    return stateOf(await this.db.query<StateRow>('SELECT * FROM hq_branch_state WHERE branch = ?', [code]));
  }

  async findPackage(code: string, packageId: string): Promise<StoredPackage | null> {
    return findPackage(this.db, code, packageId);
  }

  async findPackageAt(code: string, epoch: number, seq: number): Promise<StoredPackage | null> {
    const [row] = await this.db.query<PackageRow>(
      `SELECT ${packageColumns} FROM hq_packages WHERE branch = ? AND epoch = ? AND seq = ?`,
      [code, epoch, seq],
    );
    return row ? packageOf(row) : null;
  }

  async packageBody(code: string, epoch: number, seq: number): Promise<Buffer | null> {
    const [row] = await this.db.query<{ body: Buffer }>(
      'SELECT body FROM hq_package_bodies WHERE branch = ? AND epoch = ? AND seq = ?',
      [code, epoch, seq],
    );
    return row ? row.body : null;
  }

  async recordRejection(r: Rejection): Promise<void> {
    await this.db.run(
      `INSERT INTO hq_rejections (branch, epoch, seq, package_id, error, message, bytes, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.branchCode, r.epoch, r.seq, r.packageId, r.error, r.message, r.bytes, r.at],
    );
  }

  async rejections(code: string): Promise<Rejection[]> {
    const rows = await this.db.query<RejectionRow>(
      'SELECT * FROM hq_rejections WHERE branch = ? ORDER BY id',
      [code],
    );
    return rows.map((row) => ({
      branchCode: row.branch,
      epoch: row.epoch === null ? null : Number(row.epoch),
      seq: row.seq === null ? null : Number(row.seq),
      packageId: row.package_id,
      error: row.error,
      message: row.message,
      bytes: Number(row.bytes),
      at: row.at,
    }));
  }

  async applyInBranchLock<T>(
    code: string,
    work: (write: BranchWrite, state: StoredState) => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(async (tx) => {
      const state = stateOf(
        await tx.query<StateRow>(`SELECT * FROM hq_branch_state WHERE branch = ?${this.db.dialect.lockRow}`, [
          code,
        ]),
      );
      if (!state) throw new Error(`总部没有分支 ${code} 的状态记录`);
      return work(new SqlBranchWrite(tx, code), state);
    });
  }

  async heldPeriodParts(code: string): Promise<HeldPeriodPart[]> {
    const rows = await this.db.query<HeldPeriodPart>(
      `SELECT section, period, part, parts, rows, epoch, seq FROM hq_period_parts
       WHERE branch = ? ORDER BY section, period, part`,
      [code],
    );
    return rows.map((row) => ({
      ...row,
      part: Number(row.part),
      parts: Number(row.parts),
      rows: Number(row.rows),
      epoch: Number(row.epoch),
      seq: Number(row.seq),
    }));
  }

  async periodPartRows(
    code: string,
    section: string,
    period: string,
    part: number,
  ): Promise<Record<string, unknown>[]> {
    const typed = typedSectionOf(section);
    if (typed) {
      // Text, so both databases hand back the exact integers (SQLite as numbers would round past 2^53).
      const figures = typed.figures.map((figure) => `CAST(${figure} AS TEXT) AS ${figure}`).join(', ');
      // Who or what each figure is about, under the row's own field names (quoted: PostgreSQL folds case).
      const dimensions = typed.dimensions.map(([column, field]) => `${column} AS "${field}"`).join(', ');
      return this.db.query<Record<string, unknown>>(
        `SELECT ${dimensions}, ${figures} FROM ${typed.table} WHERE branch = ? AND period = ? AND part = ? ORDER BY ordinal`,
        [code, period, part],
      );
    }
    const rows = await this.db.query<{ row_json: string }>(
      `SELECT ${this.db.dialect.jsonAsText('row_json')} AS row_json FROM hq_period_rows
       WHERE branch = ? AND section = ? AND period = ? AND part = ? ORDER BY ordinal`,
      [code, section, period, part],
    );
    return rows.map((row) => JSON.parse(row.row_json) as Record<string, unknown>);
  }

  async rowCounts(code: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const add = (rows: { section: string; n: number | string }[]) => {
      for (const row of rows) counts[row.section] = (counts[row.section] ?? 0) + Number(row.n);
    };
    add(
      await this.db.query(
        'SELECT section, COUNT(*) AS n FROM hq_period_rows WHERE branch = ? GROUP BY section',
        [code],
      ),
    );
    add(
      await this.db.query(
        'SELECT section, COUNT(*) AS n FROM hq_entities WHERE branch = ? GROUP BY section',
        [code],
      ),
    );
    for (const [section, typed] of Object.entries(typedSections)) {
      const [row] = await this.db.query<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM ${typed.table} WHERE branch = ?`,
        [code],
      );
      if (Number(row?.n) > 0) add([{ section, n: row?.n ?? 0 }]);
    }
    return counts;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

function stateOf(rows: StateRow[]): StoredState | null {
  const [row] = rows;
  return row
    ? { epoch: Number(row.epoch), lastSeq: Number(row.last_seq), lastSha256: row.last_sha256 }
    : null;
}

async function findPackage(db: SqlSession, code: string, packageId: string): Promise<StoredPackage | null> {
  const [row] = await db.query<PackageRow>(
    `SELECT ${packageColumns} FROM hq_packages WHERE branch = ? AND package_id = ?`,
    [code, packageId],
  );
  return row ? packageOf(row) : null;
}

/** The writes of one package, on the transaction's session. */
class SqlBranchWrite implements BranchWrite {
  constructor(
    private readonly tx: SqlSession,
    private readonly code: string,
  ) {}

  findPackage(packageId: string): Promise<StoredPackage | null> {
    return findPackage(this.tx, this.code, packageId);
  }

  async clearPeriod(section: string, period: string): Promise<void> {
    await this.clear(section, 'period = ?', [period]);
  }

  async clearPeriodPart(section: string, period: string, part: number): Promise<void> {
    await this.clear(section, 'period = ? AND part = ?', [period, part]);
  }

  private async clear(section: string, where: string, params: SqlValue[]): Promise<void> {
    const typed = typedSectionOf(section);
    if (typed) {
      await this.tx.run(`DELETE FROM ${typed.table} WHERE branch = ? AND ${where}`, [this.code, ...params]);
    } else {
      await this.tx.run(`DELETE FROM hq_period_rows WHERE branch = ? AND section = ? AND ${where}`, [
        this.code,
        section,
        ...params,
      ]);
    }
    await this.tx.run(`DELETE FROM hq_period_parts WHERE branch = ? AND section = ? AND ${where}`, [
      this.code,
      section,
      ...params,
    ]);
  }

  async recordPeriodPart(p: HeldPeriodPart, span: PeriodSpan): Promise<void> {
    await this.tx.run(
      `INSERT INTO hq_period_parts
         (branch, section, period, part, parts, rows, epoch, seq, period_kind, period_from, period_to)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        this.code,
        p.section,
        p.period,
        p.part,
        p.parts,
        p.rows,
        p.epoch,
        p.seq,
        span.kind,
        span.from,
        span.to,
      ],
    );
  }

  async insertPeriodRows(
    section: string,
    period: string,
    part: number,
    firstOrdinal: number,
    rows: readonly Record<string, unknown>[],
  ): Promise<void> {
    const typed = typedSectionOf(section);
    if (typed) {
      await this.tx.insertMany(
        typed.table,
        [
          'branch',
          'period',
          'part',
          'ordinal',
          ...typed.dimensions.map(([column]) => column),
          ...typed.figures,
          'row_json',
        ],
        rows.map((row, i) => [
          this.code,
          period,
          part,
          firstOrdinal + i,
          ...typed.dimensions.map(([, field]) => textOrNull(row[field])),
          ...typed.figures.map((figure) => figureValue(row[figure])),
          JSON.stringify(row),
        ]),
      );
      return;
    }
    await this.tx.insertMany(
      'hq_period_rows',
      ['branch', 'section', 'period', 'part', 'ordinal', 'row_json'],
      rows.map((row, i) => [this.code, section, period, part, firstOrdinal + i, JSON.stringify(row)]),
    );
  }

  async upsertEntities(
    section: string,
    rows: readonly Record<string, unknown>[],
    from: { epoch: number; seq: number },
  ): Promise<void> {
    await this.tx.upsertMany(
      'hq_entities',
      ['branch', 'section', 'uid', 'row_json', 'epoch', 'seq'],
      ['branch', 'section', 'uid'],
      rows.map((row) => [this.code, section, String(row.uid), JSON.stringify(row), from.epoch, from.seq]),
    );
  }

  async saveState(state: StoredState): Promise<void> {
    await this.tx.run(
      'UPDATE hq_branch_state SET epoch = ?, last_seq = ?, last_sha256 = ? WHERE branch = ?',
      [state.epoch, state.lastSeq, state.lastSha256, this.code],
    );
  }

  async savePackage(stored: StoredPackage, body: Buffer): Promise<void> {
    await this.tx.run(`INSERT INTO hq_packages (branch, ${packageColumns}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
      this.code,
      stored.packageId,
      stored.epoch,
      stored.seq,
      stored.sha256,
      JSON.stringify(stored.receipt),
      JSON.stringify(stored.manifest),
    ]);
    await this.tx.run('INSERT INTO hq_package_bodies (branch, epoch, seq, body) VALUES (?, ?, ?, ?)', [
      this.code,
      stored.epoch,
      stored.seq,
      body,
    ]);
  }
}
