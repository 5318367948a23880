import https from 'node:https';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type tls from 'node:tls';

/** What the loopback server saw: every request it answered and every TLS client it turned away. */
export interface LoopbackServer {
  port: number;
  /** Requests whose body arrived whole, in the order they ended. */
  requests: { method: string; url: string; body: Buffer; clientCommonName: string | undefined }[];
  /** Body bytes received, complete requests or not: how far a cut upload got. */
  bodyBytesReceived(): number;
  /**
   * Every TLS client turned away. `authorizationError` is why its certificate failed verification
   * (CERT_REVOKED, UNABLE_TO_GET_ISSUER_CERT…): with rejectUnauthorized Node only hangs up on such a
   * client, so `error` alone says "socket hang up".
   */
  tlsClientErrors: { error: NodeJS.ErrnoException; authorizationError: string | undefined }[];
  /** Errors on connections past the handshake (a TLS record that failed its MAC, a reset). */
  clientErrors: NodeJS.ErrnoException[];
  close(): Promise<void>;
}

export type LoopbackHandler = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  body: Buffer,
) => void;

/**
 * An HTTPS server on 127.0.0.1 (port 0) that reads each request's whole body, records it and then
 * answers with `handler` (default: 200 "ok"). TLS 1.2 at least, as the head-office receiver will be.
 */
export async function startHttpsServer(
  options: https.ServerOptions,
  handler: LoopbackHandler = (_request, response) => response.end('ok'),
): Promise<LoopbackServer> {
  const requests: LoopbackServer['requests'] = [];
  const tlsClientErrors: LoopbackServer['tlsClientErrors'] = [];
  const clientErrors: NodeJS.ErrnoException[] = [];
  let bodyBytes = 0;
  const server = https.createServer({ minVersion: 'TLSv1.2', ...options }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      bodyBytes += chunk.length;
    });
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const peer = (request.socket as tls.TLSSocket).getPeerCertificate();
      const clientCommonName = peer && peer.subject ? String(peer.subject.CN) : undefined;
      requests.push({ method: request.method ?? '', url: request.url ?? '', body, clientCommonName });
      handler(request, response, body);
    });
  });
  server.on('tlsClientError', (error: NodeJS.ErrnoException, socket: tls.TLSSocket) => {
    const reason = socket.authorizationError as Error | string | null | undefined;
    tlsClientErrors.push({ error, authorizationError: reason ? String(reason) : undefined });
  });
  // Listening replaces Node's default (answer 400, then destroy), so the socket is destroyed here.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    clientErrors.push(error);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    bodyBytesReceived: () => bodyBytes,
    tlsClientErrors,
    clientErrors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface HttpsAnswer {
  status: number;
  body: string;
}

/**
 * One request with node:https and no agent (so no keep-alive and no TLS session reuse leaks
 * between tests). Resolves with the answer, rejects with the error Node raised (its `code` is what
 * the tests assert).
 */
export function httpsRequest(
  port: number,
  options: https.RequestOptions & { body?: string | Buffer } = {},
): Promise<HttpsAnswer> {
  const { body, ...requestOptions } = options;
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        port,
        method: body === undefined ? 'GET' : 'PUT',
        path: '/',
        agent: false,
        minVersion: 'TLSv1.2',
        ...requestOptions,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    // Node only emits 'timeout'; a test's `timeout` option means "give up", as an uploader would.
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })),
    );
    request.end(body);
  });
}

/** The rejection of `promise`, as an Error with a `code`; fails the test if it resolved instead. */
export async function failureOf(promise: Promise<unknown>): Promise<NodeJS.ErrnoException> {
  try {
    await promise;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
  throw new Error('expected the request to fail, but it succeeded');
}
