import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import https from 'node:https';
import { packagePath } from '../../../src/shared/upload/wire';
import { getState, putPackage, request, signedPutHeaders } from '../support/hq-client';
import { beijing, storeKinds, useHqWorld } from '../support/hq-world';
import { testCertificates, type TestCertificates } from '../support/test-certificates';
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
  let certs: TestCertificates;
  beforeAll(async () => {
    certs = await testCertificates();
  });
  const world = useHqWorld(kind, { clientCa: () => ({ ca: certs.ca.cert, crl: certs.crl.pem }) });
  const showing = (client: { key: string; cert: string }) => ({
    ...world.endpoint,
    client: { key: Buffer.from(client.key), cert: Buffer.from(client.cert) },
  });

  it('serves a branch whose certificate its CA signed and names it', async () => {
    expect((await getState(showing(certs.beijingClient), beijing)).status).toBe(200);
    expect((await putPackage(showing(certs.beijingClient), beijing, small())).status).toBe(200);
  });

  it('answers every other certificate 403, saying what is wrong, rather than hanging up', async () => {
    await world.store.addBranch(
      { code: 'BR009', name: '已吊销证书的分支', secret: 'br009-secret' },
      '2026-01-01',
    );
    const refusals = [
      await getState(world.endpoint, beijing),
      await getState(showing(certs.unknownCaServer), beijing),
      await getState(showing(certs.revokedClient), { code: 'BR009', secret: 'br009-secret' }),
      await getState(showing(certs.client), beijing),
    ];
    expect(refusals.map((answer) => [answer.status, answer.json.error, answer.json.certificate])).toEqual([
      [403, 'client_certificate', 'missing'],
      [403, 'client_certificate', 'untrusted'],
      [403, 'client_certificate', 'revoked'],
      [403, 'client_certificate', 'other_branch'],
    ]);
    expect(refusals[3]!.json.message).toBe('出示的证书属于分支 BR001，不能以分支 BJ01 的名义请求');
    // Nothing reached the books, and a stranger's attempts fill no log.
    expect(await world.store.rowCounts(beijing.code)).toEqual({});
    expect(await world.store.rejections(beijing.code)).toEqual([]);
  });

  it('a revocation list read again (kill -HUP) refuses the certificate from the next connection on', async () => {
    const br009 = { code: 'BR009', secret: 'br009-secret' };
    await world.store.addBranch({ ...br009, name: '将被吊销证书的分支' }, '2026-01-01');
    const tls = {
      key: world.identity.key,
      cert: world.identity.cert,
      ca: certs.ca.cert,
      requestClientCert: true,
    };
    world.hq.reloadTls(tls);
    expect((await getState(showing(certs.revokedClient), br009)).status).toBe(200);
    world.hq.reloadTls({ ...tls, crl: certs.crl.pem });
    expect((await getState(showing(certs.revokedClient), br009)).json.certificate).toBe('revoked');
  });
});
