import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Web mode answers only the page it served (ARCHITECTURE.md): a request must name this server by
 * its loopback address (a foreign Host header is a DNS-rebinding attempt), and an API call must
 * carry the per-run token, which only the URL printed at start knows.
 */
export function hostIsAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function originIsAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  // Same-origin fetches from older engines may omit Origin; any Origin given must be ours.
  return (
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
  );
}

export function tokenIsValid(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
