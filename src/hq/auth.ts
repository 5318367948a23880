import { createHmac, timingSafeEqual } from 'node:crypto';
import { allowedSkewMs, headerNames, signedText } from '../shared/upload/wire';
import { HqRefusal } from './refusal';
import type { BranchRecord, HqStore } from './store/hq-store';

/** What of a request the signature covers, as head office saw it. */
export interface SignedRequest {
  method: string;
  /** The path as requested, still percent-encoded: the branch signs what it sends. */
  path: string;
  /** The branch the URL names. */
  branchCode: string;
  headers: Record<string, string | string[] | undefined>;
  /** The Content-Digest the signature is checked against (for GET, the digest of the empty body). */
  contentDigest: string;
}

/** base64 HMAC-SHA256 of the signed text: what the branch puts in `x-signature`. */
export function signatureOf(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('base64');
}

function header(request: SignedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function unauthorized(error: 'bad_signature' | 'unknown_branch', message: string): HqRefusal {
  return new HqRefusal(401, { error, message });
}

/**
 * Checks that the request comes from the branch it names, signed with that branch's secret, at a time
 * within the allowed skew of head office's clock. Returns the branch; throws HqRefusal (401, or 403 for a
 * disabled branch). The skew is checked after the signature so only a branch learns head office's time.
 */
export async function authenticate(store: HqStore, request: SignedRequest, now: Date): Promise<BranchRecord> {
  const claimed = header(request, headerNames.branch);
  if (claimed !== request.branchCode) {
    throw unauthorized(
      'bad_signature',
      `请求头 ${headerNames.branch} 与地址中的分支 ${request.branchCode} 不符`,
    );
  }
  const branch = await store.findBranch(request.branchCode);
  if (!branch) throw unauthorized('unknown_branch', `总部没有登记分支 ${request.branchCode}`);

  const timestamp = header(request, headerNames.timestamp) ?? '';
  const signature = Buffer.from(header(request, headerNames.signature) ?? '', 'base64');
  const expected = Buffer.from(
    signatureOf(
      branch.secret,
      signedText({
        method: request.method,
        path: request.path,
        branchCode: request.branchCode,
        timestamp,
        idempotencyKey: header(request, headerNames.idempotencyKey) ?? '',
        contentDigest: request.contentDigest,
      }),
    ),
    'base64',
  );
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
    throw unauthorized('bad_signature', `分支 ${branch.code} 的请求签名不对：请核对分支中填写的总部密钥`);
  }
  if (branch.disabled) {
    throw new HqRefusal(403, { error: 'branch_disabled', message: `分支 ${branch.code} 已被总部停用` });
  }
  const sentAt = isoTimestamp.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (!Number.isFinite(sentAt) || Math.abs(sentAt - now.getTime()) > allowedSkewMs) {
    throw new HqRefusal(401, {
      error: 'clock_skew',
      message: `分支的时钟（${timestamp || '未给出'}）与总部时间 ${now.toISOString()} 相差超过 ${allowedSkewMs / 60_000} 分钟：请校正本机时间`,
      server_time: now.toISOString(),
    });
  }
  return branch;
}
