/** Filled in by the work on this area. */
export const counterpartyMethods = {};
