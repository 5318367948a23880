import { describe, expect, it } from 'vitest';
import { ReceiveGate } from '../../../src/hq/receive-gate';
import { HqRefusal } from '../../../src/hq/refusal';

function refusalOf(work: () => void): HqRefusal {
  try {
    work();
  } catch (error) {
    if (error instanceof HqRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('ReceiveGate: how many packages head office takes in at once', () => {
  it('refuses one more than the limit with 503 and Retry-After, and takes it once a place is free', () => {
    const gate = new ReceiveGate(2, 7);
    gate.enter();
    gate.enter();
    const busy = refusalOf(() => gate.enter());
    expect(busy.status).toBe(503);
    expect(busy.refusal).toMatchObject({ error: 'busy', retry_after_seconds: 7 });
    expect(busy.headers).toEqual({ 'retry-after': '7' });
    gate.leave();
    expect(() => gate.enter()).not.toThrow();
  });

  it('a stop waits for the packages being received, and refuses new ones meanwhile', async () => {
    const gate = new ReceiveGate(4, 5);
    gate.enter();
    let drained = false;
    const draining = gate.drain(10_000).then(() => (drained = true));
    expect(refusalOf(() => gate.enter()).refusal.message).toMatch(/正在停止/);
    await Promise.resolve();
    expect(drained).toBe(false);
    gate.leave();
    await draining;
    expect(drained).toBe(true);
  });

  it('a stop does not wait past its timeout for a package that never finishes', async () => {
    const gate = new ReceiveGate(4, 5);
    gate.enter();
    await gate.drain(20);
  });
});
