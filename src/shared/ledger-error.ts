import type { ApiError, ErrorCode } from './errors';

/**
 * The one error type the engine throws, and the shared rules with it (a line too large to compute, an
 * action the document's state does not allow), so the renderer reads the same code and message. The
 * message is written for the clerk who will read it, in Chinese, and says what and where; the code lets
 * callers react without parsing text.
 */
export class LedgerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'LedgerError';
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
