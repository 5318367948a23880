/**
 * The one IPC channel between the renderer and the main process. Every API call travels on it, so
 * the sender check in main guards a single door (ARCHITECTURE.md "Processes").
 */
export const ledgerCallChannel = 'ledger:call';
