/**
 * When to try again after a failure (UPLOAD.md "Failures"): full-jitter exponential backoff (AWS's
 * "Exponential Backoff and Jitter"), base 2 s, cap 15 min — a random wait between 0 and
 * min(cap, base·2^attempt), so a hundred branches coming back online do not knock at once. A
 * `Retry-After` from head office is honoured as the least wait. After `probeAfterFailures` failures in a
 * row only head office's state is asked for, at the cap, until it answers.
 */
export const retryBaseMs = 2_000;
export const retryCapMs = 15 * 60_000;
export const probeAfterFailures = 5;

export function backoffMs(failuresInRow: number, random: () => number = Math.random): number {
  const ceiling = Math.min(retryCapMs, retryBaseMs * 2 ** Math.max(0, failuresInRow - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** The wait before the next attempt: backoff, never shorter than head office asked for, never past the cap. */
export function nextWaitMs(failuresInRow: number, retryAfter: number | null, random?: () => number): number {
  if (failuresInRow >= probeAfterFailures) return Math.max(retryCapMs, retryAfter ?? 0);
  return Math.max(backoffMs(failuresInRow, random), retryAfter ?? 0);
}
