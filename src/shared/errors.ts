/** Error codes that cross the API boundary. `message` is for people; `code` is for code. */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNKNOWN_METHOD'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** The engine warns (credit limit, stock, …): `details.warnings`; repeat with `acknowledged: true` to go on. */
  | 'NEEDS_CONFIRMATION'
  | 'ACCOUNT_LOCKED'
  | 'WRONG_CREDENTIALS'
  /** Too many failed logins from this source (a web client's address, or the desktop): `details.retryAt`. */
  | 'LOGIN_THROTTLED'
  /** The administrator reset the password: only `auth.changePassword` (and signing out) works until it is changed. */
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'FIELD_FIXED'
  | 'NOT_A_LEDGER'
  | 'SCHEMA_TOO_NEW'
  | 'BACKUP_FAILED'
  /** The ledger file fails SQLite's integrity check, or is cut short: `details.problems`. */
  | 'DATABASE_DAMAGED'
  /** An encrypted backup was given without its passphrase. */
  | 'PASSPHRASE_REQUIRED'
  /** The passphrase does not decrypt the backup (or the encrypted file was changed). */
  | 'WRONG_PASSPHRASE'
  | 'RESTORE_FAILED'
  /** Another program held the ledger file's write lock past the busy timeout; the same call may be repeated. */
  | 'BUSY'
  /**
   * The record was changed by someone else after it was opened: `details` say who and when; open it
   * again rather than repeat the same call.
   */
  | 'STALE'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
