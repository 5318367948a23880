/**
 * The upload wire (UPLOAD.md "On the wire"): paths, headers, the string both ends sign, and the
 * answers head office gives. Pure: each end computes the HMAC with its own crypto.
 */

export const protocolVersion = 'v1';

export const statePath = (branchCode: string) => `/v1/branches/${encodeURIComponent(branchCode)}/state`;
export const packagePath = (branchCode: string, epoch: number, seq: number) =>
  `/v1/branches/${encodeURIComponent(branchCode)}/packages/${epoch}/${seq}`;

export const headerNames = {
  idempotencyKey: 'idempotency-key',
  contentDigest: 'content-digest',
  timestamp: 'x-timestamp',
  branch: 'x-branch',
  signature: 'x-signature',
  replayed: 'idempotent-replayed',
} as const;

/** How far the two clocks may differ before head office refuses a signature. */
export const allowedSkewMs = 15 * 60 * 1000;

/** `Content-Digest` (RFC 9530) of a sha256 given in hex. */
export function contentDigestHeader(sha256Hex: string, toBase64: (hex: string) => string): string {
  return `sha-256=:${toBase64(sha256Hex)}:`;
}

/** The sha256 a `Content-Digest` header names, in hex; null when it is not `sha-256=:…:`. */
export function digestOfHeader(
  header: string | undefined,
  fromBase64: (b64: string) => string,
): string | null {
  const match = /(?:^|,)\s*sha-256=:([A-Za-z0-9+/=]+):/.exec(header ?? '');
  return match ? fromBase64(match[1]!) : null;
}

/**
 * What the HMAC-SHA256 signature covers: method, path, branch code, timestamp, idempotency key and
 * digest, one per line. Re-signed on every attempt, so a retry carries a fresh timestamp.
 */
export function signedText(parts: {
  method: string;
  path: string;
  branchCode: string;
  timestamp: string;
  idempotencyKey: string;
  contentDigest: string;
}): string {
  return [
    parts.method.toUpperCase(),
    parts.path,
    parts.branchCode,
    parts.timestamp,
    parts.idempotencyKey,
    parts.contentDigest,
  ].join('\n');
}

/** `GET state`: where head office stands with this branch. */
export interface BranchState {
  epoch: number;
  last_seq: number;
  last_sha256: string | null;
  max_package_bytes: number;
  encodings: string[];
  formats: number[];
}

/** What head office answers a package with once it has committed it, and replays for it forever. */
export interface Receipt {
  package_id: string;
  epoch: number;
  seq: number;
  sha256: string;
  applied_at: string;
}

/**
 * Why head office refused, in the body of every 4xx/5xx as `{ error, message, … }`. `message` is
 * head office's own words (Chinese); the branch explains each code in its own terms.
 */
export const refusalCodes = [
  'bad_signature',
  'unknown_branch',
  'clock_skew',
  'branch_disabled',
  'seq_gap',
  'epoch_behind',
  'epoch_not_snapshot',
  'chain_broken',
  'digest_mismatch',
  'key_reused',
  'control_totals',
  'malformed',
  'too_large',
  'unsupported_encoding',
  'unsupported_format',
  'busy',
  'client_certificate',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export interface Refusal {
  error: RefusalCode;
  message: string;
  /** seq_gap: the seq head office expects next. */
  expected_seq?: number;
  /** epoch_behind: head office's epoch. */
  epoch?: number;
  /** clock_skew: head office's time (also in its `Date` header). */
  server_time?: string;
  /** too_large: the largest body head office takes. */
  max_package_bytes?: number;
  /** busy: how long to wait before sending again (also in its `Retry-After` header). */
  retry_after_seconds?: number;
  /** client_certificate: what is wrong with the branch's certificate. */
  certificate?: ClientCertificateProblem;
}

/** Why head office (asking for client certificates) refuses the one a branch showed. */
export const clientCertificateProblems = [
  'missing',
  'revoked',
  'expired',
  'untrusted',
  'other_branch',
] as const;
export type ClientCertificateProblem = (typeof clientCertificateProblems)[number];
