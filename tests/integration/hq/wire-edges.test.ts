import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import https from 'node:https';
import { packagePath } from '../../../src/shared/upload/wire';
import { getState, putPackage, request, signedPutHeaders } from '../support/hq-client';
import { makeClientCertificates, type ClientCertificates } from '../support/client-certificates';
import { beijing, storeKinds, useHqWorld } from '../support/hq-world';
import { march, stockRows, writeTestPackage } from '../support/test-packages';

const small = () =>
  writeTestPackage({
    branchCode: beijing.code,
    epoch: 1,
    seq: 1,
    prevSha256: null,
    parts: [{ section: 'stock_balances', period: march.key, rows: stockRows([1_000, 100]) }],
  });

describe.each(storeKinds)('what the wire refuses (%s)', (kind) => {
  const world = useHqWorld(kind, { maxPackageBytes: 4096 });

  it('refuses a body over its limit with 413 and the limit, which GET state also gives', async () => {
    expect((await getState(world.endpoint, beijing)).json.max_package_bytes).toBe(4096);
    // Random uids do not compress: 400 rows are far over 4 KiB gzipped.
    const rows = Array.from({ length: 400 }, () => ({
      goodsUid: randomUUID(),
      warehouseUid: 'W1',
      quantity: 1,
      value: 1,
    }));
    const pkg = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 1,
      prevSha256: null,
      parts: [{ section: 'stock_balances', period: march.key, rows }],
    });
    expect(pkg.body.length).toBeGreaterThan(4096);
    const answer = await putPackage(world.endpoint, beijing, pkg);
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ error: 'too_large', max_package_bytes: 4096 });
  });

  it('refuses a manifest format it does not read (415) and a body that is not gzip (400)', async () => {
    const future = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 1,
      prevSha256: null,
      parts: [],
      corrupt: (manifest) => Object.assign(manifest, { format: 2 }),
    });
    const answer = await putPackage(world.endpoint, beijing, future);
    expect(answer.status).toBe(415);
    expect(answer.json.error).toBe('unsupported_format');

    const plain = { body: Buffer.from('{"manifest":{}}\n'), manifest: small().manifest };
    const garbled = await putPackage(world.endpoint, beijing, plain);
    expect(garbled.status).toBe(400);
    expect(garbled.json.error).toBe('malformed');
  });

  it('refuses a package sent to a seq other than its own, and rows after the manifest', async () => {
    const pkg = small();
    const misplaced = await putPackage(world.endpoint, beijing, {
      ...pkg,
      manifest: { ...pkg.manifest, seq: 2 },
    });
    expect(misplaced.status).toBe(400);
    expect(String(misplaced.json.message)).toContain('请求地址写的是第 1 代第 2 号');

    const unpacked = Buffer.concat([
      gunzipSync(pkg.body),
      Buffer.from('{"s":"goods","p":null,"r":{"uid":"G9"}}\n'),
    ]);
    const trailing = await putPackage(world.endpoint, beijing, {
      body: gzipSync(unpacked),
      manifest: pkg.manifest,
    });
    expect(trailing.status).toBe(400);
    expect(String(trailing.json.message)).toContain('清单行之后');
    expect(await world.store.rowCounts(beijing.code)).toEqual({});
  });

  it('keeps nothing of a send cut off mid-body, and applies the package when it is sent again', async () => {
    const pkg = small();
    const { epoch, seq, packageId } = pkg.manifest;
    const signed = signedPutHeaders(beijing, pkg);
    await new Promise<void>((resolve) => {
      const req = https.request({
        host: '127.0.0.1',
        port: world.endpoint.port,
        method: 'PUT',
        path: packagePath(beijing.code, epoch, seq),
        ca: world.endpoint.ca,
        agent: false,
        headers: { ...signed, 'content-length': String(pkg.body.length) },
      });
      req.on('error', () => resolve());
      req.write(pkg.body.subarray(0, 40), () => setTimeout(() => req.destroy(), 100));
    });
    expect(await world.store.readState(beijing.code)).toEqual({ epoch: 0, lastSeq: 0, lastSha256: null });
    const answer = await putPackage(world.endpoint, beijing, pkg);
    expect(answer.status).toBe(200);
    expect(answer.json.package_id).toBe(packageId);
  });

  it('answers an unknown address with 404 in JSON', async () => {
    const answer = await request(world.endpoint, 'GET', '/v1/nothing', {});
    expect(answer.status).toBe(404);
    expect(answer.json.error).toBe('not_found');
  });
});

describe.each(storeKinds)('head office asking for client certificates (%s)', (kind) => {
  let certs: ClientCertificates;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-mtls-'));
    certs = await makeClientCertificates(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const world = useHqWorld(kind, { clientCa: () => certs.caCert });

  it('serves a branch whose certificate its CA signed, and no one else', async () => {
    const withCert = { ...world.endpoint, client: certs.branch };
    expect((await getState(withCert, beijing)).status).toBe(200);
    expect((await putPackage(withCert, beijing, small())).status).toBe(200);
    await expect(getState(world.endpoint, beijing)).rejects.toThrow();
    await expect(getState({ ...world.endpoint, client: certs.stranger }, beijing)).rejects.toThrow();
  });
});
