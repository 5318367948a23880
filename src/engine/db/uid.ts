import { v7 as uuidv7 } from 'uuid';

/** The identity head office sees for a record (ARCHITECTURE.md "Data"): UUIDv7, time-ordered. */
export function newUid(): string {
  return uuidv7();
}
