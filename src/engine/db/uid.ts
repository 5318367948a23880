import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * Random bytes for many ids at once: asking the OS for 16 bytes per record was a measurable part
 * of importing 50,000 goods.
 */
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;

function randomBytes16(): Uint8Array {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 16;
  return pool.subarray(poolOffset - 16, poolOffset);
}

/** The identity head office sees for a record (ARCHITECTURE.md "Data"): UUIDv7, time-ordered. */
export function newUid(): string {
  return uuidv7({ random: randomBytes16() });
}
