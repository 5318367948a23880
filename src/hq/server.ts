import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { packageFormatVersion } from '../shared/upload/package-format';
import {
  contentDigestHeader,
  digestOfHeader,
  headerNames,
  type BranchState,
  type Refusal,
} from '../shared/upload/wire';
import { authenticate } from './auth';
import { checkClientCertificate } from './client-certificate';
import { systemClock, type HqClock } from './clock';
import { consoleHandler, type ConsoleOptions } from './console-api/console-routes';
import { ReceiveGate } from './receive-gate';
import { receivePackage } from './receive-package';
import { HqRefusal, malformed } from './refusal';
import type { HqStore } from './store/hq-store';

export const defaultMaxPackageBytes = 32 * 1024 * 1024;

export interface HqTls {
  key: string | Buffer;
  cert: string | Buffer;
  /** The CA that signs branches' client certificates (mTLS). */
  ca?: string | Buffer;
  /** Ask every branch for a client certificate signed by `ca`, named after it, not in `crl`. */
  requestClientCert?: boolean;
  /** The CA's revocation list (PEM): a revoked branch certificate is refused. */
  crl?: string | Buffer;
}

export interface HqServerOptions {
  store: HqStore;
  port: number;
  host?: string;
  tls: HqTls;
  maxPackageBytes?: number;
  clock?: HqClock;
  /** A connection silent this long is closed; there is no total deadline, a slow link may take its time. */
  idleTimeoutMs?: number;
  /** Packages received at once; one more is answered 503 with Retry-After (default 8). */
  maxConcurrentReceives?: number;
  /** The wait a 503 asks for, in seconds (default 5). */
  busyRetryAfterSeconds?: number;
  /** How long a stop waits for packages being received (default 10 s). */
  drainTimeoutMs?: number;
  /** The head-office console under /console/; without it only the branches' endpoints are served. */
  console?: ConsoleOptions;
}

export interface RunningHq {
  port: number;
  /** New certificates or a new CRL for connections from now on (`kill -HUP` in `npm run hq -- serve`). */
  reloadTls(tls: HqTls): void;
  close(): Promise<void>;
}

const hexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const base64ToHex = (b64: string) => Buffer.from(b64, 'base64').toString('hex');
const sha256Hex = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** The digest a signed GET carries: that of the empty body. */
const emptyBodyDigest = contentDigestHeader(sha256Hex(Buffer.alloc(0)), hexToBase64);

const statePattern = /^\/v1\/branches\/([^/]+)\/state$/;
const packagePattern = /^\/v1\/branches\/([^/]+)\/packages\/(\d{1,9})\/(\d{1,9})$/;

interface ErrorBody {
  error: string;
  message: string;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: BranchState | Refusal | ErrorBody | object,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function tooLarge(maxPackageBytes: number): HqRefusal {
  return new HqRefusal(413, {
    error: 'too_large',
    message: `数据包超过总部接收的上限 ${maxPackageBytes} 字节：请按分节或期间拆分后再发`,
    max_package_bytes: maxPackageBytes,
  });
}

/** The body, refused as soon as it passes the cap rather than after it has all been read. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    // A branch whose link drops mid-body: the send is simply not received, it is no fault of head office.
    const interrupted = () => reject(malformed('数据包在传完之前连接已中断'));
    req.on('error', interrupted);
    req.on('close', () => {
      if (!req.complete) interrupted();
    });
  });
}

type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  match: RegExpExecArray,
) => Promise<void>;

function makeHandlers(options: HqServerOptions, gate: ReceiveGate) {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const maxPackageBytes = options.maxPackageBytes ?? defaultMaxPackageBytes;

  const requestClientCert = options.tls.requestClientCert === true;
  const getState: Handler = async (req, res, path, match) => {
    const branchCode = decodeURIComponent(match[1]!);
    if (requestClientCert) checkClientCertificate(req.socket as TLSSocket, branchCode);
    await authenticate(
      store,
      { method: 'GET', path, branchCode, headers: req.headers, contentDigest: emptyBodyDigest },
      clock.now(),
    );
    const state = await store.readState(branchCode);
    const body: BranchState = {
      epoch: state?.epoch ?? 0,
      last_seq: state?.lastSeq ?? 0,
      last_sha256: state?.lastSha256 ?? null,
      max_package_bytes: maxPackageBytes,
      encodings: ['gzip'],
      formats: [packageFormatVersion],
    };
    sendJson(res, 200, body);
  };

  const putPackage: Handler = async (req, res, path, match) => {
    const branchCode = decodeURIComponent(match[1]!);
    if (requestClientCert) checkClientCertificate(req.socket as TLSSocket, branchCode);
    const contentDigest = headerValue(req, headerNames.contentDigest) ?? '';
    await authenticate(
      store,
      { method: 'PUT', path, branchCode, headers: req.headers, contentDigest },
      clock.now(),
    );
    const epoch = Number(match[2]);
    const seq = Number(match[3]);
    const idempotencyKey = headerValue(req, headerNames.idempotencyKey) ?? '';
    // Busy is no fault of the branch's package: not a rejection, not logged against it.
    gate.enter();
    try {
      await receiveBody(req, res, { branchCode, epoch, seq, idempotencyKey, contentDigest });
    } finally {
      gate.leave();
    }
  };

  const receiveBody = async (
    req: IncomingMessage,
    res: ServerResponse,
    sent: { branchCode: string; epoch: number; seq: number; idempotencyKey: string; contentDigest: string },
  ) => {
    const { branchCode, epoch, seq, idempotencyKey, contentDigest } = sent;
    let body: Buffer;
    try {
      const encoding = (headerValue(req, 'content-encoding') ?? '').trim().toLowerCase();
      if (encoding !== 'gzip') {
        throw new HqRefusal(415, {
          error: 'unsupported_encoding',
          message: `数据包须以 gzip 压缩发送（Content-Encoding: gzip），收到的是 ${encoding || '未压缩'}`,
        });
      }
      if (idempotencyKey === '') throw malformed(`缺少请求头 ${headerNames.idempotencyKey}`);
      if (Number(headerValue(req, 'content-length') ?? 0) > maxPackageBytes) throw tooLarge(maxPackageBytes);
      body = await readBody(req, maxPackageBytes);
      const stated = digestOfHeader(contentDigest, base64ToHex);
      const actual = sha256Hex(body);
      if (stated !== actual) {
        throw new HqRefusal(400, {
          error: 'digest_mismatch',
          message: `收到的数据包 sha256 为 ${actual}，与请求头 Content-Digest 不符：传输中数据可能已损坏，请重发`,
        });
      }
    } catch (error) {
      // Only a signed request reaches the log: a stranger cannot fill it.
      if (error instanceof HqRefusal) {
        await store.recordRejection({
          branchCode,
          epoch,
          seq,
          packageId: idempotencyKey || null,
          error: error.refusal.error,
          message: error.refusal.message,
          bytes: Number(headerValue(req, 'content-length') ?? 0),
          at: clock.now().toISOString(),
        });
      }
      throw error;
    }
    const outcome = await receivePackage(store, { branchCode, epoch, seq, idempotencyKey, body }, { clock });
    sendJson(res, 200, outcome.receipt, outcome.replayed ? { [headerNames.replayed]: 'true' } : {});
  };

  const routes: { pattern: RegExp; method: string; handler: Handler }[] = [
    { pattern: statePattern, method: 'GET', handler: getState },
    { pattern: packagePattern, method: 'PUT', handler: putPackage },
  ];

  const answerConsole = options.console
    ? consoleHandler({ ...options.console, store, clock })
    : async () => false;

  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://hq.invalid');
    const path = url.pathname;
    if (await answerConsole(req, res, url)) return;
    const route = routes.find((r) => r.pattern.test(path));
    const match = route?.pattern.exec(path);
    try {
      if (!route || !match) {
        sendJson(res, 404, { error: 'not_found', message: `总部没有这个地址：${path}` });
        return;
      }
      if (req.method !== route.method) {
        sendJson(
          res,
          405,
          { error: 'method_not_allowed', message: `此地址只接受 ${route.method}` },
          { allow: route.method },
        );
        return;
      }
      await route.handler(req, res, path, match);
    } catch (error) {
      // A refusal before the body was read leaves it on the wire: close the connection after answering.
      const close: Record<string, string> = req.complete ? {} : { connection: 'close' };
      if (error instanceof HqRefusal) {
        sendJson(res, error.status, error.refusal, { ...error.headers, ...close });
        return;
      }
      console.error('总部处理请求出错：', error);
      sendJson(res, 500, { error: 'internal', message: '总部处理请求时出错，请稍后重试' }, close);
    }
  };
}

/**
 * The certificates a connection is served with. A client certificate is verified (chain and CRL) but a
 * bad one does not end the handshake: checkClientCertificate answers it in words instead.
 */
function secureContextOf(tls: HqTls) {
  return {
    key: tls.key,
    cert: tls.cert,
    ...(tls.ca ? { ca: tls.ca } : {}),
    ...(tls.crl ? { crl: tls.crl } : {}),
    rejectUnauthorized: false,
  };
}

/** Starts head office's HTTPS endpoints (UPLOAD.md "On the wire"); port 0 picks a free port. */
export async function startHq(options: HqServerOptions): Promise<RunningHq> {
  const requestClientCert = options.tls.requestClientCert === true;
  if (requestClientCert && !options.tls.ca)
    throw new Error('启用客户端证书（mTLS）时必须给出签发分支证书的 CA');
  const gate = new ReceiveGate(options.maxConcurrentReceives ?? 8, options.busyRetryAfterSeconds ?? 5);
  const handle = makeHandlers(options, gate);
  const server = https.createServer(
    { ...secureContextOf(options.tls), minVersion: 'TLSv1.2', requestCert: requestClientCert },
    (req, res) => void handle(req, res),
  );
  server.timeout = options.idleTimeoutMs ?? 60_000;
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    reloadTls: (tls) => server.setSecureContext(secureContextOf(tls)),
    // A stop lets the packages being applied finish and answer (a commit is never cut from its receipt
    // needlessly), answers 503 to any that arrive meanwhile, then closes what is left.
    close: async () => {
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      server.closeIdleConnections();
      await gate.drain(options.drainTimeoutMs ?? 10_000);
      server.closeAllConnections();
      await closed;
    },
  };
}
