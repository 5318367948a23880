import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCertificates } from '../../integration/support/test-certificates';

/**
 * The wire's floor: a Node HTTPS server on loopback that reads a request's body, throws it away and
 * answers 200, and a bare PUT to it — TLS 1.2+, a new connection per request (no agent, as the branch's
 * client), trusting the same test CA head office's certificate comes from.
 */
export interface RawHttpsSink {
  port: number;
  /** PUTs `body` and resolves once the answer has been read. */
  put(body: Buffer): Promise<void>;
  close(): Promise<void>;
}

export async function startRawHttpsSink(certificates: TestCertificates): Promise<RawHttpsSink> {
  const server = https.createServer(
    { key: certificates.server.key, cert: certificates.server.cert, minVersion: 'TLSv1.2' },
    (request, response) => {
      request.on('data', () => undefined);
      request.on('end', () => response.end('ok'));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    put: (body) =>
      new Promise((resolve, reject) => {
        const request = https.request(
          {
            host: '127.0.0.1',
            port,
            method: 'PUT',
            path: '/',
            agent: false,
            minVersion: 'TLSv1.2',
            ca: certificates.ca.cert,
            headers: {
              'content-type': 'application/x-ndjson',
              'content-encoding': 'gzip',
              'content-length': String(body.length),
            },
          },
          (response) => {
            response.on('data', () => undefined);
            response.on('end', () => resolve());
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
