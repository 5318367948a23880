import type { ApiInput, ApiMethod, ApiOutput, ApiRequest, ApiResponse } from '../../shared/api';
import type { DesktopMethods } from '../../shared/desktop-printing';
import type { ErrorCode } from '../../shared/errors';

/** Carries one request to the engine: IPC in the desktop app, HTTP in web mode. */
export type Transport = (request: ApiRequest) => Promise<ApiResponse>;

export interface FieldIssue {
  path: string[];
  message: string;
}

/** An error the engine answered with; `message` is written for the person using the app. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }

  /** Validation problems by field, for forms to show beside the input. */
  get fieldIssues(): FieldIssue[] {
    const issues = (this.details as { issues?: FieldIssue[] } | undefined)?.issues;
    return Array.isArray(issues) ? issues : [];
  }
}

const sessionKey = 'branch-ledger.session';

/** Where the session token is kept: the tab's sessionStorage in the app, a Map in tests. */
export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface LedgerClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  setSession(session: string | null): void;
  hasSession(): boolean;
  /** Called when the engine no longer knows the session (expired, or the engine restarted). */
  onSessionLost(listener: () => void): () => void;
  /**
   * This machine's printers and printing, in the desktop app only (null in web mode): answered by the
   * main process (electron/desktop-printing.ts) through the same door, with the same session.
   */
  desktop: {
    call<M extends keyof DesktopMethods>(
      method: M,
      input: DesktopMethods[M]['input'],
    ): Promise<DesktopMethods[M]['output']>;
  } | null;
}

/**
 * The renderer's one way to the engine, typed from the router: `call('system.info', {})` knows
 * its input and its result (anchor: Actual's `send<K extends keyof Handlers>`).
 */
export function createClient(
  transport: Transport,
  storage: SessionStorageLike,
  options: { desktop?: boolean } = {},
): LedgerClient {
  const listeners = new Set<() => void>();
  const send = async (method: string, input: unknown): Promise<unknown> => {
    const session = storage.getItem(sessionKey);
    const response = await transport({ method, input, session });
    if (response.ok) {
      // 修改密码 ends the session it was called with and answers its successor: kept at once, before
      // the reads the change made stale are made again (with the old session they would sign out).
      if (method === 'auth.changePassword') {
        storage.setItem(sessionKey, (response.result as ApiOutput<'auth.changePassword'>).session);
      }
      return response.result;
    }
    const { code, message, details } = response.error;
    if (code === 'UNAUTHENTICATED' && session !== null) {
      storage.removeItem(sessionKey);
      listeners.forEach((listener) => listener());
    }
    throw new ApiCallError(code, message, details);
  };
  return {
    call: (method, input) => send(method, input) as Promise<ApiOutput<typeof method>>,
    desktop: options.desktop
      ? { call: (method, input) => send(method, input) as Promise<DesktopMethods[typeof method]['output']> }
      : null,
    setSession(session) {
      if (session === null) storage.removeItem(sessionKey);
      else storage.setItem(sessionKey, session);
    },
    hasSession: () => storage.getItem(sessionKey) !== null,
    onSessionLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
