/** One problem as the preview lists it: the same words on many rows are one line naming the rows. */
export interface ProblemGroup {
  level: 'error' | 'warning';
  column: string;
  message: string;
  rows: number[];
}

/**
 * The preview's problems, errors first, each distinct (level, column, message) once with its rows in file
 * order: a category missing on 200 rows is one line to read, not 200.
 */
export function groupProblems(
  entries: readonly {
    row: number;
    level: 'error' | 'warning';
    problem: { column: string; message: string };
  }[],
): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const { row, level, problem } of entries) {
    const key = `${level}\u0001${problem.column}\u0001${problem.message}`;
    const group = groups.get(key) ?? { level, column: problem.column, message: problem.message, rows: [] };
    if (!group.rows.includes(row)) group.rows.push(row);
    groups.set(key, group);
  }
  const ordered = [...groups.values()];
  for (const group of ordered) group.rows.sort((a, b) => a - b);
  return [
    ...ordered.filter((group) => group.level === 'error'),
    ...ordered.filter((group) => group.level === 'warning'),
  ];
}

/** Rows as a reader scans them: runs as ranges (5–9), the rest listed (5–9、12). */
export function rowRanges(rows: readonly number[], separator: string): string {
  const parts: string[] = [];
  let start = rows[0];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const next = rows[index + 1];
    if (next === row + 1) continue;
    parts.push(
      start === row ? `${row}` : row === start! + 1 ? `${start}${separator}${row}` : `${start}–${row}`,
    );
    start = next;
  }
  return parts.join(separator);
}
