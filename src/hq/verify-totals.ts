import { FigureSums } from './control-totals';
import type { HqStore } from './store/hq-store';

/** One period part head office holds, recomputed from its stored rows against the manifest that delivered it. */
export interface PartVerdict {
  section: string;
  period: string;
  part: number;
  parts: number;
  epoch: number;
  seq: number;
  consistent: boolean;
  /** What differs, in words for the operator; empty when consistent. */
  differences: string[];
}

/**
 * Recomputes, for every period part head office holds for the branch, the control totals from the rows
 * as stored (the typed columns the console sums), and compares them with the manifest totals of the
 * package that delivered the part: a row changed in the database after it was received shows here.
 */
export async function verifyBranch(store: HqStore, branchCode: string): Promise<PartVerdict[]> {
  const verdicts: PartVerdict[] = [];
  for (const held of await store.heldPeriodParts(branchCode)) {
    const differences: string[] = [];
    const delivered = await store.findPackageAt(branchCode, held.epoch, held.seq);
    const stated = delivered?.manifest.sections.find(
      (part) => part.section === held.section && part.period === held.period && part.part === held.part,
    );
    if (!stated) {
      differences.push(`找不到送来此分片的第 ${held.epoch} 代第 ${held.seq} 号数据包清单`);
    } else {
      const rows = await store.periodPartRows(branchCode, held.section, held.period, held.part);
      if (rows.length !== stated.rows) differences.push(`行数：存储 ${rows.length}，清单 ${stated.rows}`);
      const sums = new FigureSums();
      for (const row of rows) sums.add(row);
      for (const [field, total] of Object.entries(stated.totals)) {
        const summed = sums.total(field);
        if (summed === null || BigInt(summed) !== BigInt(total)) {
          differences.push(`${field}：存储合计 ${summed ?? '（含非整数）'}，清单 ${total}`);
        }
      }
    }
    verdicts.push({
      section: held.section,
      period: held.period,
      part: held.part,
      parts: held.parts,
      epoch: held.epoch,
      seq: held.seq,
      consistent: differences.length === 0,
      differences,
    });
  }
  return verdicts;
}
