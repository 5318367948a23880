import { HqRefusal } from './refusal';

/**
 * How many packages head office takes in at once, and its going-away. A package beyond the limit, or one
 * arriving while the receiver shuts down, is answered 503 with `Retry-After` before its body is read: the
 * branch waits at least that long and sends it again (UPLOAD.md "Failures"), rather than queueing on a
 * store that is already full, or being cut off half-applied by a stop.
 */
export class ReceiveGate {
  private inFlight = 0;
  private closing = false;
  private readonly idle: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly retryAfterSeconds: number,
  ) {}

  /** Takes a place, or refuses with 503; the caller gives the place back with `leave` in a finally. */
  enter(): void {
    if (this.closing) throw this.busy('总部接收服务正在停止，请稍后重发');
    if (this.inFlight >= this.limit)
      throw this.busy(`总部同时在接收 ${this.inFlight} 个数据包，已达上限，请稍后重发`);
    this.inFlight += 1;
  }

  leave(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  /** Refuses new packages and waits (at most `timeoutMs`) for those being received to finish. */
  async drain(timeoutMs: number): Promise<void> {
    this.closing = true;
    if (this.inFlight === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.idle.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  private busy(message: string): HqRefusal {
    return new HqRefusal(
      503,
      { error: 'busy', message, retry_after_seconds: this.retryAfterSeconds },
      { 'retry-after': String(this.retryAfterSeconds) },
    );
  }
}
