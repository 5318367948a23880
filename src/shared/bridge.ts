import type { ApiRequest, ApiResponse } from './api';

/**
 * What the desktop app's preload script exposes to the renderer as `window.ledger`: a single
 * `call`, nothing else (ARCHITECTURE.md "Processes").
 */
export interface LedgerBridge {
  call(request: ApiRequest): Promise<ApiResponse>;
}
