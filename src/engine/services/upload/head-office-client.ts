import { createHash, createHmac, X509Certificate } from 'node:crypto';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import {
  contentDigestHeader,
  headerNames,
  packagePath,
  signedText,
  statePath,
} from '../../../shared/upload/wire';

/** How head office is reached and proven (upload settings plus the secret). */
export interface HeadOffice {
  url: string;
  branchCode: string;
  secret: string;
  /** base64 sha256 SPKI pins; when set, the connection must present one of them. */
  pinnedSpki: readonly string[];
  caCertificate: string;
  clientCertificate: string;
  clientKey: string;
  /** No byte for this long ends the attempt (an idle timeout, not a total deadline: a slow link still finishes). */
  idleTimeoutMs: number;
}

export interface HeadOfficeResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** A failure below HTTP: no connection, a reset, a timeout, a certificate refused. */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const hexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/** base64 sha256 of a certificate's SubjectPublicKeyInfo: what a pin names. */
export function spkiSha256(certificateDer: Buffer): string {
  const spki = new X509Certificate(certificateDer).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/**
 * One signed request to head office (UPLOAD.md "On the wire"), signed afresh for this attempt at the
 * branch's clock corrected by the skew head office last reported. The body is written only once the TLS
 * session is up and its key matches a pin, so nothing leaves for a server that is not head office's.
 */
export function requestHeadOffice(
  office: HeadOffice,
  request: {
    method: 'GET' | 'PUT';
    path: string;
    body: Buffer | null;
    idempotencyKey: string;
    sha256: string | null;
  },
  now: Date,
): Promise<HeadOfficeResponse> {
  const base = new URL(office.url);
  const fullPath = `${base.pathname.replace(/\/$/, '')}${request.path}`;
  const sha256 =
    request.sha256 ??
    createHash('sha256')
      .update(request.body ?? Buffer.alloc(0))
      .digest('hex');
  const contentDigest = contentDigestHeader(sha256, hexToBase64);
  const timestamp = now.toISOString();
  const signature = createHmac('sha256', office.secret)
    .update(
      signedText({
        method: request.method,
        path: fullPath,
        branchCode: office.branchCode,
        timestamp,
        idempotencyKey: request.idempotencyKey,
        contentDigest,
      }),
    )
    .digest('base64');
  const headers: Record<string, string> = {
    [headerNames.branch]: office.branchCode,
    [headerNames.timestamp]: timestamp,
    [headerNames.idempotencyKey]: request.idempotencyKey,
    [headerNames.contentDigest]: contentDigest,
    [headerNames.signature]: signature,
    accept: 'application/json',
  };
  if (request.body) {
    headers['content-type'] = 'application/x-ndjson';
    headers['content-encoding'] = 'gzip';
    headers['content-length'] = String(request.body.length);
  }
  const pinned = office.pinnedSpki.length > 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: TransportError) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(error);
    };
    const req = https.request({
      protocol: 'https:',
      hostname: base.hostname,
      port: base.port || 443,
      path: fullPath,
      method: request.method,
      headers,
      agent: false,
      minVersion: 'TLSv1.2',
      ...(office.caCertificate ? { ca: office.caCertificate } : {}),
      ...(office.clientCertificate ? { cert: office.clientCertificate, key: office.clientKey } : {}),
      // A pin stands in for the CA (a head office with its own self-signed certificate): the chain is then
      // not asked for, the key is — checked below before anything is sent.
      rejectUnauthorized: !(pinned && !office.caCertificate),
    });
    req.setTimeout(office.idleTimeoutMs, () =>
      fail(new TransportError('TIMEOUT', `${Math.round(office.idleTimeoutMs / 1000)} 秒内总部没有任何回应`)),
    );
    req.on('socket', (socket) => {
      socket.once('secureConnect', () => {
        if (pinned) {
          const peer = (socket as TLSSocket).getPeerCertificate();
          const presented = peer?.raw ? spkiSha256(peer.raw) : '';
          if (!office.pinnedSpki.includes(presented)) {
            fail(new TransportError('PIN_MISMATCH', `总部证书的公钥指纹 ${presented} 与设置中固定的不符`));
            return;
          }
        }
        req.end(request.body ?? undefined);
      });
    });
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => fail(transportErrorOf(error)));
      response.on('end', () => {
        if (settled) return;
        settled = true;
        const flat: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          flat[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({
          status: response.statusCode ?? 0,
          headers: flat,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    req.on('error', (error) => fail(transportErrorOf(error)));
  });
}

function transportErrorOf(error: Error): TransportError {
  const code = (error as NodeJS.ErrnoException).code ?? 'NETWORK';
  return new TransportError(code, error.message);
}

export function stateRequest(branchCode: string) {
  return {
    method: 'GET' as const,
    path: statePath(branchCode),
    body: null,
    idempotencyKey: '',
    sha256: null,
  };
}

export function packageRequest(
  branchCode: string,
  pkg: { epoch: number; seq: number; packageId: string; sha256: string },
  body: Buffer,
) {
  return {
    method: 'PUT' as const,
    path: packagePath(branchCode, pkg.epoch, pkg.seq),
    body,
    idempotencyKey: pkg.packageId,
    sha256: pkg.sha256,
  };
}
