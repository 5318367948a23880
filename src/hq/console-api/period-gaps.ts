import type { ConsolidatedSection, PeriodGap } from '../../shared/hq-console/console-api';
import type { HeldPeriod } from '../store/console-reads';

/**
 * Calendar days as ISO dates. Arithmetic on a date alone, in UTC on purpose: there is no time of day
 * and so no zone to get wrong (a business date is the branch's own, as the package gave it).
 */
function dayAfter(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function gapLabel(kind: string, from: string, to: string): string {
  if (kind !== 'month') return `${from}～${to}`;
  const [first, last] = [from.slice(0, 7), to.slice(0, 7)];
  return first === last ? first : `${first}～${last}`;
}

/**
 * The holes between the first and the last period a branch holds of a section: the days no complete
 * period covers. Periods are compared by their days, not their keys, so months, ISO weeks and days read
 * alike (a monthly branch holding 2026-08 and 2026-10 misses 2026-09). A period whose pieces have not all
 * arrived is not held: the summaries leave it out too.
 */
export function periodGaps(section: ConsolidatedSection, held: readonly HeldPeriod[]): PeriodGap[] {
  const periods = held
    .filter((period) => period.section === section && period.complete)
    .sort((a, b) => a.from.localeCompare(b.from));
  const gaps: PeriodGap[] = [];
  for (let i = 1; i < periods.length; i += 1) {
    const previous = periods[i - 1]!;
    const next = periods[i]!;
    const from = dayAfter(previous.to, 1);
    if (from >= next.from) continue;
    const to = dayAfter(next.from, -1);
    gaps.push({ section, from, to, label: gapLabel(next.kind, from, to) });
  }
  return gaps;
}
