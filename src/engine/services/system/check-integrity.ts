import { integrityProblems } from '../../db/integrity';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';

export interface IntegrityReport {
  ok: boolean;
  /** SQLite's findings (`PRAGMA integrity_check`), then rows whose foreign key points nowhere. */
  problems: string[];
  checkedAt: string;
}

/** The full check on demand: every page, b-tree and index entry, and every foreign key. Audited. */
export function checkIntegrity(ctx: ServiceContext): IntegrityReport {
  const sqlite = ctx.db.$client;
  const problems = integrityProblems(sqlite, 'full');
  const orphans = sqlite.pragma('foreign_key_check') as {
    table: string;
    rowid: number | null;
    parent: string;
  }[];
  for (const orphan of orphans.slice(0, 20)) {
    // A WITHOUT ROWID table (stock balances, month totals) has no row number to name.
    const row = orphan.rowid === null ? '有一行' : `第 ${orphan.rowid} 行`;
    problems.push(`表 ${orphan.table} ${row}引用的 ${orphan.parent} 记录不存在`);
  }
  const report = { ok: problems.length === 0, problems, checkedAt: ctx.clock.now().toISOString() };
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'system.integrity_check',
      entity: 'database',
      detail: report.ok
        ? '完整性检查通过'
        : `发现 ${problems.length} 处问题：${problems.slice(0, 5).join('；')}`,
    }),
  );
  return report;
}
