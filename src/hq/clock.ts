/** Head office's clock, passed in so tests can set the time a signature is checked against. */
export interface HqClock {
  now(): Date;
}

export const systemClock: HqClock = { now: () => new Date() };
