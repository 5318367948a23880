import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The console's gate. Branches prove themselves by HMAC; the console is a person's browser, so it gets
 * what web mode has (src/web/request-guard.ts): a token made at every start, printed only in the
 * console's address (`#token=…`, a fragment the browser never sends), and sent back by the page as
 * `Authorization: Bearer`. A bearer header rather than a cookie: no other site can make the browser send it.
 */
export function newConsoleToken(): string {
  return randomBytes(24).toString('base64url');
}

export function bearerTokenIsValid(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
