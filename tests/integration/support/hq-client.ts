import { createHash, createHmac } from 'node:crypto';
import https from 'node:https';
import {
  contentDigestHeader,
  headerNames,
  packagePath,
  signedText,
  statePath,
} from '../../../src/shared/upload/wire';

/** A branch's side of the wire for tests: signed requests over real HTTPS, trusting only the test's certificate. */
export interface HqEndpoint {
  port: number;
  ca: Buffer;
  /** The branch's client certificate, when head office asks for one (mTLS). */
  client?: { key: Buffer; cert: Buffer };
}

export interface HqAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

export interface BranchCredentials {
  code: string;
  secret: string;
}

const hexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const digestOf = (body: Buffer) =>
  contentDigestHeader(createHash('sha256').update(body).digest('hex'), hexToBase64);

export function request(
  endpoint: HqEndpoint,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<HqAnswer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: endpoint.port,
        method,
        path,
        headers,
        ca: endpoint.ca,
        agent: false,
        ...endpoint.client,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : {} });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function signedHeaders(
  branch: BranchCredentials,
  method: string,
  path: string,
  idempotencyKey: string,
  contentDigest: string,
  at: Date,
): Record<string, string> {
  const timestamp = at.toISOString();
  const text = signedText({
    method,
    path,
    branchCode: branch.code,
    timestamp,
    idempotencyKey,
    contentDigest,
  });
  return {
    [headerNames.branch]: branch.code,
    [headerNames.timestamp]: timestamp,
    [headerNames.signature]: createHmac('sha256', branch.secret).update(text).digest('base64'),
    [headerNames.contentDigest]: contentDigest,
  };
}

export function getState(
  endpoint: HqEndpoint,
  branch: BranchCredentials,
  at = new Date(),
): Promise<HqAnswer> {
  const path = statePath(branch.code);
  return request(
    endpoint,
    'GET',
    path,
    signedHeaders(branch, 'GET', path, '', digestOf(Buffer.alloc(0)), at),
  );
}

export interface PutOptions {
  at?: Date;
  /** Sign a digest other than the body's (a body changed on the way). */
  digestBody?: Buffer;
  encoding?: string;
}

/** The headers of a signed PUT of `pkg`, as the branch sends them. */
export function signedPutHeaders(
  branch: BranchCredentials,
  pkg: { body: Buffer; manifest: { epoch: number; seq: number; packageId: string } },
  options: PutOptions = {},
): Record<string, string> {
  const { epoch, seq, packageId } = pkg.manifest;
  const path = packagePath(branch.code, epoch, seq);
  const digest = digestOf(options.digestBody ?? pkg.body);
  return {
    ...signedHeaders(branch, 'PUT', path, packageId, digest, options.at ?? new Date()),
    [headerNames.idempotencyKey]: packageId,
    'content-encoding': options.encoding ?? 'gzip',
    'content-type': 'application/x-ndjson',
  };
}

export function putPackage(
  endpoint: HqEndpoint,
  branch: BranchCredentials,
  pkg: { body: Buffer; manifest: { epoch: number; seq: number; packageId: string } },
  options: PutOptions = {},
): Promise<HqAnswer> {
  const { epoch, seq } = pkg.manifest;
  return request(
    endpoint,
    'PUT',
    packagePath(branch.code, epoch, seq),
    signedPutHeaders(branch, pkg, options),
    pkg.body,
  );
}

/**
 * A signed PUT that sends its headers and half its body, then waits: head office counts it as being
 * received until `release` drops the connection, as a branch on a stalled link holds a place.
 */
export async function holdPut(
  endpoint: HqEndpoint,
  branch: BranchCredentials,
  pkg: { body: Buffer; manifest: { epoch: number; seq: number; packageId: string } },
  at = new Date(),
): Promise<{ release(): Promise<void> }> {
  const { epoch, seq } = pkg.manifest;
  const req = https.request({
    host: '127.0.0.1',
    port: endpoint.port,
    method: 'PUT',
    path: packagePath(branch.code, epoch, seq),
    headers: { ...signedPutHeaders(branch, pkg, { at }), 'content-length': String(pkg.body.length) },
    ca: endpoint.ca,
    agent: false,
    ...endpoint.client,
  });
  req.on('error', () => {});
  const socketUp = new Promise<void>((resolve) =>
    req.once('socket', (s) => s.once('secureConnect', resolve)),
  );
  req.write(pkg.body.subarray(0, Math.floor(pkg.body.length / 2)));
  await socketUp;
  // Flushed: the receiver has the headers and is waiting for the rest of the body.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    release: () =>
      new Promise<void>((resolve) => {
        req.once('close', () => resolve());
        req.destroy();
      }),
  };
}
