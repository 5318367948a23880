import type { ServerResponse } from 'node:http';

const frameAncestorsNone = "frame-ancestors 'none'";

/**
 * A Content-Security-Policy with `frame-ancestors 'none'` in place of whatever frame-ancestors it had,
 * its other directives kept as they were.
 */
export function withFrameAncestorsNone(policy: string | undefined): string {
  const directives = (policy ?? '')
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !/^frame-ancestors(\s|$)/i.test(directive));
  return [...directives, frameAncestorsNone].join('; ');
}

/**
 * No other page may show web mode inside a frame (clickjacking: a page that overlays the ledger and
 * tricks a clerk into clicking 审核 or 删除). `frame-ancestors 'none'` is the standard; `X-Frame-Options:
 * DENY` is for browsers that predate it. Set before anything else is written, merged into any policy
 * already on the response, so every answer — a page, an asset, an API answer, a refusal — carries it.
 */
export function denyFraming(response: ServerResponse): void {
  const existing = response.getHeader('content-security-policy');
  response.setHeader(
    'content-security-policy',
    withFrameAncestorsNone(typeof existing === 'string' ? existing : undefined),
  );
  response.setHeader('x-frame-options', 'DENY');
}
