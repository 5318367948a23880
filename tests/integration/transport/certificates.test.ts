import { X509Certificate } from 'node:crypto';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, httpsRequest, startHttpsServer } from '../support/https-loopback';
import type { LoopbackServer } from '../support/https-loopback';
import { spkiSha256, testCertificates } from '../support/test-certificates';
import type { ServerCertificate, TestCertificates } from '../support/test-certificates';

// The certificate helper is what every upload test trusts for "a wrong certificate is refused", so
// each certificate is proved here against a real node:https server and client, the error codes
// being the ones the upload's error messages will be chosen from.

let certs: TestCertificates;
const servers: LoopbackServer[] = [];

beforeAll(async () => {
  certs = await testCertificates();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(certificate: ServerCertificate, chain: string[] = []): Promise<LoopbackServer> {
  const server = await startHttpsServer({
    key: certificate.key,
    cert: [certificate.cert, ...chain].join(''),
  });
  servers.push(server);
  return server;
}

/** Pins the server's public key as the settings will: refused unless its SPKI hash is the pin. */
function pinnedTo(pin: string) {
  return (_host: string, peer: PeerCertificate): Error | undefined =>
    spkiSha256(peer.raw) === pin
      ? undefined
      : new Error(`server key ${spkiSha256(peer.raw)} is not the pinned key`);
}

describe('test certificates', () => {
  it('are made in a temporary folder with the expected names and dates', () => {
    const server = new X509Certificate(certs.server.cert);
    expect(server.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(server.subjectAltName).toContain('DNS:localhost');
    expect(server.checkIssued(new X509Certificate(certs.ca.cert))).toBe(true);
    const expired = new X509Certificate(certs.expiredServer.cert);
    expect(new Date(expired.validTo).getTime()).toBeLessThan(Date.now());
    expect(expired.checkIssued(new X509Certificate(certs.ca.cert))).toBe(true);
    expect(
      new X509Certificate(certs.unknownCaServer.cert).checkIssued(new X509Certificate(certs.ca.cert)),
    ).toBe(false);
    const selfSigned = new X509Certificate(certs.selfSignedServer.cert);
    expect(selfSigned.issuer).toBe(selfSigned.subject);
    expect(selfSigned.verify(selfSigned.publicKey)).toBe(true);
    expect(certs.dir).toMatch(/branch-ledger-certs-/);
    // Four server keys, four different pins.
    const pins = [certs.server, certs.expiredServer, certs.unknownCaServer, certs.selfSignedServer].map(
      (certificate) => certificate.spkiSha256,
    );
    expect(new Set(pins).size).toBe(4);
    expect(pins[0]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('are generated once per process', async () => {
    expect(await testCertificates()).toBe(certs);
  });
});

describe('server certificates against a client that trusts the test CA', () => {
  it('the good server certificate connects', async () => {
    const server = await serve(certs.server);
    expect(await httpsRequest(server.port, { ca: certs.ca.cert })).toEqual({ status: 200, body: 'ok' });
    // Also by name: the certificate carries DNS:localhost as well as the IP.
    expect(await httpsRequest(server.port, { ca: certs.ca.cert, servername: 'localhost' })).toMatchObject({
      status: 200,
    });
  });

  it('without the CA the good certificate is not trusted', async () => {
    const server = await serve(certs.server);
    expect((await failureOf(httpsRequest(server.port))).code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('the expired certificate is refused as expired', async () => {
    const server = await serve(certs.expiredServer);
    expect((await failureOf(httpsRequest(server.port, { ca: certs.ca.cert }))).code).toBe('CERT_HAS_EXPIRED');
  });

  it('a certificate from an unknown CA is refused, sent alone or with its root', async () => {
    const alone = await serve(certs.unknownCaServer);
    expect((await failureOf(httpsRequest(alone.port, { ca: certs.ca.cert }))).code).toBe(
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    );
    const withRoot = await serve(certs.unknownCaServer, [certs.unknownCa.cert]);
    expect((await failureOf(httpsRequest(withRoot.port, { ca: certs.ca.cert }))).code).toBe(
      'SELF_SIGNED_CERT_IN_CHAIN',
    );
  });

  it('a self-signed certificate is refused', async () => {
    const server = await serve(certs.selfSignedServer);
    expect((await failureOf(httpsRequest(server.port, { ca: certs.ca.cert }))).code).toBe(
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    );
  });
});

describe('SPKI pinning through checkServerIdentity', () => {
  it('accepts the server whose key is pinned', async () => {
    const server = await serve(certs.server);
    const answer = await httpsRequest(server.port, {
      ca: certs.ca.cert,
      checkServerIdentity: pinnedTo(certs.server.spkiSha256),
    });
    expect(answer.status).toBe(200);
  });

  it('refuses a server the CA trusts when another key is pinned', async () => {
    const server = await serve(certs.server);
    const error = await failureOf(
      httpsRequest(server.port, {
        ca: certs.ca.cert,
        checkServerIdentity: pinnedTo(certs.unknownCaServer.spkiSha256),
      }),
    );
    expect(error.message).toContain('is not the pinned key');
    expect(error.message).toContain(certs.server.spkiSha256);
    expect(server.requests).toHaveLength(0);
  });

  it('a pin replaces the CA: the self-signed server is accepted when its key is the pinned one', async () => {
    // How a head office without a CA is trusted: rejectUnauthorized off, the pin decides alone.
    const server = await serve(certs.selfSignedServer);
    const pinned = await httpsRequest(server.port, {
      rejectUnauthorized: false,
      checkServerIdentity: pinnedTo(certs.selfSignedServer.spkiSha256),
    });
    expect(pinned.status).toBe(200);
  });
});

describe('client certificates (mTLS)', () => {
  async function mtlsServer(): Promise<LoopbackServer> {
    const server = await startHttpsServer({
      key: certs.server.key,
      cert: certs.server.cert,
      ca: certs.ca.cert,
      crl: certs.crl.pem,
      requestCert: true,
      rejectUnauthorized: true,
    });
    servers.push(server);
    return server;
  }

  it('the CRL lists the revoked certificate and only it', async () => {
    // Without rejectUnauthorized the server still verifies, and says why per connection.
    const server = await startHttpsServer(
      {
        key: certs.server.key,
        cert: certs.server.cert,
        ca: certs.ca.cert,
        crl: certs.crl.pem,
        requestCert: true,
        rejectUnauthorized: false,
      },
      (request, response) =>
        response.end(String((request.socket as TLSSocket).authorizationError ?? 'authorized')),
    );
    servers.push(server);
    const verdicts: string[] = [];
    for (const { key, cert } of [certs.client, certs.revokedClient, certs.secondClient]) {
      verdicts.push((await httpsRequest(server.port, { ca: certs.ca.cert, key, cert })).body);
    }
    expect(verdicts).toEqual(['authorized', 'CERT_REVOKED', 'authorized']);
  });

  it('a branch certificate signed by the CA is accepted and identifies the branch', async () => {
    const server = await mtlsServer();
    for (const client of [certs.client, certs.secondClient]) {
      const answer = await httpsRequest(server.port, {
        ca: certs.ca.cert,
        key: client.key,
        cert: client.cert,
      });
      expect(answer.status).toBe(200);
    }
    expect(server.requests.map((request) => request.clientCommonName)).toEqual(['BR001', 'BR002']);
  });

  it('no client certificate is refused', async () => {
    const server = await mtlsServer();
    const error = await failureOf(httpsRequest(server.port, { ca: certs.ca.cert }));
    expect(error.code).toMatch(/^(ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED|ECONNRESET)$/);
    expect(server.requests).toHaveLength(0);
    expect(server.tlsClientErrors.map(({ error }) => error.code)).toEqual([
      'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE',
    ]);
  });

  it('the revoked client certificate is refused through the CRL', async () => {
    const server = await mtlsServer();
    const { key, cert } = certs.revokedClient;
    const error = await failureOf(httpsRequest(server.port, { ca: certs.ca.cert, key, cert }));
    // Node's server verifies the client after the handshake and just hangs up on a bad one.
    expect(error.code).toBe('ECONNRESET');
    expect(server.requests).toHaveLength(0);
    expect(server.tlsClientErrors.map((refused) => refused.authorizationError)).toEqual(['CERT_REVOKED']);
  });

  it('a client certificate from an unknown CA is refused', async () => {
    const server = await mtlsServer();
    // A server certificate of the other CA stands in for another company's branch certificate.
    const { key, cert } = certs.unknownCaServer;
    expect((await failureOf(httpsRequest(server.port, { ca: certs.ca.cert, key, cert }))).code).toBe(
      'ECONNRESET',
    );
    expect(server.requests).toHaveLength(0);
    expect(server.tlsClientErrors.map((refused) => refused.authorizationError)).toEqual([
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    ]);
  });
});
