import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { PeerCertificate, SecureVersion } from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy } from '../support/fault-proxy';
import type { FaultProxy } from '../support/fault-proxy';
import { failureOf, httpsRequest, startHttpsServer } from '../support/https-loopback';
import type { LoopbackHandler, LoopbackServer } from '../support/https-loopback';
import { spkiSha256, testCertificates } from '../support/test-certificates';
import type { TestCertificates } from '../support/test-certificates';

// The upload fault suite will say "the branch survives a reset mid-body" on the strength of this
// proxy, so each mode is shown here doing to a real node:https exchange what its comment says:
// the server's view (did the request arrive, whole or not) and the client's error, both asserted.

let certs: TestCertificates;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  certs = await testCertificates();
});

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** The errors a client sees when its connection is torn down (Node names both ECONNRESET). */
const CONNECTION_LOST = /^(ECONNRESET|EPIPE)$/;

async function serverBehindProxy(
  options: { maxVersion?: SecureVersion; mtls?: boolean; handler?: LoopbackHandler } = {},
): Promise<{ server: LoopbackServer; proxy: FaultProxy }> {
  const server = await startHttpsServer(
    {
      key: certs.server.key,
      cert: certs.server.cert,
      maxVersion: options.maxVersion ?? 'TLSv1.3',
      ...(options.mtls ? { ca: certs.ca.cert, requestCert: true, rejectUnauthorized: true } : {}),
    },
    options.handler,
  );
  const proxy = await startFaultProxy({ targetHost: '127.0.0.1', targetPort: server.port });
  cleanups.push(
    () => proxy.close(),
    () => server.close(),
  );
  return { server, proxy };
}

function upload(proxy: FaultProxy, body: string | Buffer, options: https.RequestOptions = {}) {
  return httpsRequest(proxy.port, { ca: certs.ca.cert, body, ...options });
}

const fourKilobytes = 'x'.repeat(4096);

describe('pass', () => {
  it('relays a TLS exchange untouched and counts the connection and bytes', async () => {
    const { server, proxy } = await serverBehindProxy();
    expect(await upload(proxy, fourKilobytes)).toEqual({ status: 200, body: 'ok' });
    expect(server.requests.map((request) => request.body.length)).toEqual([4096]);
    expect(proxy.connections).toBe(1);
    const { fromClient, toServer, fromServer, toClient } = proxy.bytes;
    expect(fromClient).toBeGreaterThan(4096);
    expect(toServer).toBe(fromClient);
    expect(toClient).toBe(fromServer);
  });

  it('sits under TLS: the client still sees the server’s own key and the server the branch certificate', async () => {
    const { server, proxy } = await serverBehindProxy({ mtls: true });
    let seenKey = '';
    const answer = await upload(proxy, 'package', {
      key: certs.client.key,
      cert: certs.client.cert,
      checkServerIdentity: (_host: string, peer: PeerCertificate) => {
        seenKey = spkiSha256(peer.raw);
        return undefined;
      },
    });
    expect(answer.status).toBe(200);
    expect(seenKey).toBe(certs.server.spkiSha256);
    expect(server.requests.map((request) => request.clientCommonName)).toEqual(['BR001']);
  });
});

describe.each(['TLSv1.2', 'TLSv1.3'] as const)('over %s', (maxVersion) => {
  it('resetMidBody: the server gets part of the body, the client a reset', async () => {
    const { server, proxy } = await serverBehindProxy({ maxVersion });
    // 64 KB travel as four 16 KB TLS records; 40,000 bytes in, two of them have reached the server.
    const body = Buffer.alloc(64 * 1024, 'y');
    proxy.set({ resetMidBody: 40_000 });
    const error = await failureOf(upload(proxy, body));
    expect(error.code).toMatch(CONNECTION_LOST);
    await expect.poll(() => server.bodyBytesReceived()).toBeGreaterThan(16 * 1024);
    expect(server.bodyBytesReceived()).toBeLessThan(body.length);
    expect(server.requests).toHaveLength(0);

    proxy.set('pass');
    expect((await upload(proxy, body)).status).toBe(200);
    expect(server.requests.map((request) => request.body.length)).toEqual([body.length]);
  });

  it('dropResponse: the server committed, and only then the client lost the connection', async () => {
    let committed = 0;
    const { server, proxy } = await serverBehindProxy({
      maxVersion,
      mtls: true,
      // Like the receiver: the commit takes a while (here 100 ms), the answer follows it. Server,
      // proxy and client share one event loop, so a commit done at once would hide an early drop.
      handler: (_request, response) => {
        setTimeout(() => {
          committed += 1;
          response.end('receipt');
        }, 100);
      },
    });
    proxy.set('dropResponse');
    let committedWhenFailed = -1;
    const error = await failureOf(
      upload(proxy, fourKilobytes, { key: certs.client.key, cert: certs.client.cert }).catch(
        (failure: unknown) => {
          committedWhenFailed = committed;
          throw failure;
        },
      ),
    );
    expect(error.code).toMatch(CONNECTION_LOST);
    expect(committedWhenFailed).toBe(1);
    expect(server.requests.map((request) => request.body.length)).toEqual([4096]);
    // The server wrote its answer without an error: from its side nothing went wrong.
    expect(server.clientErrors).toEqual([]);

    proxy.set('pass');
    expect(await upload(proxy, fourKilobytes, { key: certs.client.key, cert: certs.client.cert })).toEqual({
      status: 200,
      body: 'receipt',
    });
  });

  it('flipByte: one byte changed inside TLS is a TLS error on both sides, never other data', async () => {
    const { server, proxy } = await serverBehindProxy({ maxVersion });
    proxy.set({ flipByte: 100 });
    const error = await failureOf(upload(proxy, fourKilobytes));
    // The server's record failed its MAC; it alerts the client (or just hangs up).
    expect(error.code).toMatch(/^(ERR_SSL_SSLV3_ALERT_BAD_RECORD_MAC|ECONNRESET|EPROTO)$/);
    await expect.poll(() => server.clientErrors.length).toBe(1);
    expect(server.clientErrors[0]?.code).toMatch(
      /^(ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC|ERR_SSL_CIPHER_OPERATION_FAILED)$/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('flipByte on plain TCP', () => {
  it('inverts exactly the byte at the offset, client to server only', async () => {
    // An echo server: what comes back is what the server received, relayed back untouched.
    const echo = net.createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const proxy = await startFaultProxy({
      targetHost: '127.0.0.1',
      targetPort: (echo.address() as AddressInfo).port,
    });
    cleanups.push(
      () => proxy.close(),
      () => new Promise<void>((resolve) => echo.close(() => resolve())),
    );
    proxy.set({ flipByte: 2 });
    const socket = net.connect(proxy.port, '127.0.0.1');
    const echoed = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks)));
      socket.on('error', reject);
      socket.end('abcdef');
    });
    expect([...echoed]).toEqual([0x61, 0x62, 0x63 ^ 0xff, 0x64, 0x65, 0x66]);
  });
});

describe('latency', () => {
  it('slows every round trip; beyond the client’s timeout the request times out', async () => {
    const { server, proxy } = await serverBehindProxy();
    proxy.set({ latency: 100 });
    const started = Date.now();
    expect((await upload(proxy, 'package')).status).toBe(200);
    // Hello, server flight, request, answer: at least four delayed legs.
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);

    proxy.set({ latency: 1500 });
    const error = await failureOf(upload(proxy, 'package', { timeout: 400 }));
    expect(error.code).toBe('ETIMEDOUT');
    expect(server.requests).toHaveLength(1);
  });
});

describe('throttle', () => {
  it('at 1 KB/s a 4 KB body takes seconds, on a connection opened at full speed', async () => {
    const { server, proxy } = await serverBehindProxy();
    // One kept-alive connection: the handshake at full speed, then the throttle set while it is open.
    const agent = new https.Agent({ keepAlive: true, maxSockets: 1 });
    cleanups.push(async () => agent.destroy());
    expect((await upload(proxy, 'hello', { agent })).status).toBe(200);
    proxy.set({ throttle: 1024 });
    const before = proxy.bytes.toServer;
    const started = Date.now();
    expect((await upload(proxy, fourKilobytes, { agent })).status).toBe(200);
    const seconds = (Date.now() - started) / 1000;
    // ~4.1 KB of records at 1 KB/s is ~4 s; loosely, since the machine is shared.
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(proxy.bytes.toServer - before).toBeGreaterThan(4096);
    expect(proxy.connections).toBe(1);
    expect(server.requests.map((request) => request.body.length)).toEqual([5, 4096]);
  });
});

describe('refuse', () => {
  it('resets every new connection before TLS starts, and the ones already open', async () => {
    const { server, proxy } = await serverBehindProxy();
    const open = net.connect(proxy.port, '127.0.0.1');
    const openClosed = new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      open.on('error', resolve);
      open.on('close', () => resolve(undefined));
    });
    await new Promise<void>((resolve) => open.on('connect', () => resolve()));
    await expect.poll(() => proxy.connections).toBe(1);

    proxy.set('refuse');
    expect((await openClosed)?.code).toBe('ECONNRESET');
    const error = await failureOf(upload(proxy, 'package'));
    expect(error.code).toBe('ECONNRESET');
    expect(proxy.connections).toBe(2);
    expect(proxy.bytes.toServer).toBe(0);
    expect(server.requests).toHaveLength(0);
  });
});

describe('blackhole', () => {
  it('accepts and never answers: only the client’s timeout ends the request', async () => {
    const { server, proxy } = await serverBehindProxy();
    proxy.set('blackhole');
    const started = Date.now();
    const error = await failureOf(upload(proxy, 'package', { timeout: 500 }));
    expect(error.code).toBe('ETIMEDOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(proxy.connections).toBe(1);
    // The ClientHello arrived and went nowhere.
    expect(proxy.bytes.fromClient).toBeGreaterThan(0);
    expect(proxy.bytes.toServer).toBe(0);
    expect(proxy.bytes.toClient).toBe(0);
    expect(server.requests).toHaveLength(0);
  });
});

describe('close', () => {
  it('ends the connections still open and stops listening', async () => {
    const { proxy } = await serverBehindProxy();
    proxy.set('blackhole');
    const pending = failureOf(upload(proxy, 'package'));
    await expect.poll(() => proxy.connections).toBe(1);
    await proxy.close();
    expect((await pending).code).toMatch(CONNECTION_LOST);
    expect((await failureOf(upload(proxy, 'package'))).code).toBe('ECONNREFUSED');
  });
});
