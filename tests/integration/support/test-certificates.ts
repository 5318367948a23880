import { execFile } from 'node:child_process';
import { X509Certificate, createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * TLS material for loopback tests, made at test time into a temporary folder (TESTING.md: no private
 * key is ever committed). Keys come from node:crypto (in process, no spawn per key); certificates,
 * the revocation and the CRL come from the `openssl` command line, with `openssl ca` throughout
 * because OpenSSL 3.0 (Debian's) has no `x509 -not_before`, and only `ca -startdate/-enddate` can
 * backdate the expired certificate. Everything is EC P-256 so a whole set takes well under a second.
 */

// The openssl argument lists below are laid out as typed on a command line (prettier-ignore), so
// that each option sits next to its value.
const run = promisify(execFile);

/** A certificate with its key, as files (for `openssl s_client` or settings) and as PEM (for node:tls). */
export interface CertificateFiles {
  certPath: string;
  keyPath: string;
  cert: string;
  key: string;
}

export interface ServerCertificate extends CertificateFiles {
  /** base64 sha256 of the DER SubjectPublicKeyInfo: the value a pinned setting holds. */
  spkiSha256: string;
}

export interface ClientCertificate extends CertificateFiles {
  commonName: string;
}

export interface TestCertificates {
  dir: string;
  /** The head-office CA the branch trusts (`ca` option). Its key stays in `dir`. */
  ca: { certPath: string; cert: string };
  /** CN=localhost, SAN IP:127.0.0.1 and DNS:localhost, signed by `ca`: the good server. */
  server: ServerCertificate;
  /** Same names, signed by `ca`, but its validity ended yesterday: CERT_HAS_EXPIRED. */
  expiredServer: ServerCertificate;
  /** Same names, signed by `unknownCa`, which the branch does not trust. */
  unknownCaServer: ServerCertificate;
  /** Send it after `unknownCaServer.cert` to make the chain end in an untrusted root. */
  unknownCa: { certPath: string; cert: string };
  /** Same names, signed by its own key: what a misconfigured or intercepting server presents. */
  selfSignedServer: ServerCertificate;
  /** Branch client certificates signed by `ca` (mTLS), CN = branch code. */
  client: ClientCertificate;
  /** The certificate of branch BJ01, the branch the upload and head-office tests register. */
  beijingClient: ClientCertificate;
  secondClient: ClientCertificate;
  /** Signed by `ca` and then revoked: listed in `crl`. */
  revokedClient: ClientCertificate;
  /** The CA's revocation list, for the server's `crl` option. */
  crl: { path: string; pem: string };
}

/** base64(sha256(SPKI DER)) of a certificate given as PEM or DER (a peer certificate's `raw`). */
export function spkiSha256(certificate: string | Buffer): string {
  const publicKey =
    typeof certificate === 'string'
      ? createPublicKey(certificate)
      : new X509Certificate(certificate).publicKey;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

// One openssl configuration serves both CAs: `ca` reads its database from the section, `req`
// builds the CSRs and the self-signed certificates, the extension sections say what each is for.
function opensslConfig(caDir: string): string {
  return `
[ ca ]
default_ca = test_ca

[ test_ca ]
dir = ${caDir}
database = $dir/index.txt
new_certs_dir = $dir/issued
serial = $dir/serial
crlnumber = $dir/crlnumber
certificate = $dir/ca.crt
private_key = $dir/ca.key
default_md = sha256
default_days = 2
default_crl_days = 2
policy = policy_any
# server and expiredServer share CN=localhost
unique_subject = no
copy_extensions = none

[ policy_any ]
commonName = supplied

[ req ]
distinguished_name = req_dn
prompt = no

[ req_dn ]
CN = placeholder

[ ca_cert ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ server_cert ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ client_cert ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;
}

/** openssl's -startdate/-enddate form, YYYYMMDDHHMMSSZ. */
function opensslTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function writeKey(file: string): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  fs.writeFileSync(file, pem, { mode: 0o600 });
  return pem;
}

class TestCa {
  readonly certPath: string;
  private readonly config: string;

  private constructor(private readonly dir: string) {
    this.certPath = path.join(dir, 'ca.crt');
    this.config = path.join(dir, 'openssl.cnf');
  }

  static async create(dir: string, name: string): Promise<TestCa> {
    fs.mkdirSync(path.join(dir, 'issued'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.txt'), '');
    fs.writeFileSync(path.join(dir, 'serial'), '1000\n');
    fs.writeFileSync(path.join(dir, 'crlnumber'), '1000\n');
    const ca = new TestCa(dir);
    fs.writeFileSync(ca.config, opensslConfig(dir));
    writeKey(path.join(dir, 'ca.key'));
    // prettier-ignore
    await run('openssl', [
      'req', '-x509', '-new', '-config', ca.config, '-key', path.join(dir, 'ca.key'),
      '-subj', `/CN=${name}`, '-days', '2', '-extensions', 'ca_cert', '-sha256', '-out', ca.certPath,
    ]);
    return ca;
  }

  get cert(): string {
    return fs.readFileSync(this.certPath, 'utf8');
  }

  /** Issues a certificate for `commonName`; `validity` backdates it (the expired server). */
  async issue(
    name: string,
    commonName: string,
    extensions: 'server_cert' | 'client_cert',
    validity?: { start: Date; end: Date },
  ): Promise<CertificateFiles> {
    const keyPath = path.join(this.dir, `${name}.key`);
    const csrPath = path.join(this.dir, `${name}.csr`);
    const certPath = path.join(this.dir, `${name}.crt`);
    const key = writeKey(keyPath);
    // prettier-ignore
    await run('openssl', [
      'req', '-new', '-config', this.config, '-key', keyPath, '-subj', `/CN=${commonName}`, '-out', csrPath,
    ]);
    const dates = validity
      ? ['-startdate', opensslTime(validity.start), '-enddate', opensslTime(validity.end)]
      : [];
    // prettier-ignore
    await run('openssl', [
      'ca', '-batch', '-notext', '-config', this.config, '-extensions', extensions, ...dates,
      '-in', csrPath, '-out', certPath,
    ]);
    return { certPath, keyPath, cert: fs.readFileSync(certPath, 'utf8'), key };
  }

  async revoke(certPath: string): Promise<void> {
    await run('openssl', ['ca', '-config', this.config, '-revoke', certPath, '-crl_reason', 'keyCompromise']);
  }

  async crl(): Promise<{ path: string; pem: string }> {
    const crlPath = path.join(this.dir, 'ca.crl');
    await run('openssl', ['ca', '-config', this.config, '-gencrl', '-out', crlPath]);
    return { path: crlPath, pem: fs.readFileSync(crlPath, 'utf8') };
  }
}

async function selfSigned(dir: string, config: string): Promise<CertificateFiles> {
  const keyPath = path.join(dir, 'self-signed.key');
  const certPath = path.join(dir, 'self-signed.crt');
  const key = writeKey(keyPath);
  // server_cert's authorityKeyIdentifier=keyid resolves to the certificate's own key here.
  // prettier-ignore
  await run('openssl', [
    'req', '-x509', '-new', '-config', config, '-key', keyPath, '-subj', '/CN=localhost', '-days', '2',
    '-extensions', 'server_cert', '-sha256', '-out', certPath,
  ]);
  return { certPath, keyPath, cert: fs.readFileSync(certPath, 'utf8'), key };
}

function asServer(files: CertificateFiles): ServerCertificate {
  return { ...files, spkiSha256: spkiSha256(files.cert) };
}

async function generate(): Promise<TestCertificates> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-ledger-certs-'));
  // The keys live only as long as the process that made them.
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

  const dayMs = 24 * 60 * 60 * 1000;
  const now = Date.now();
  // The two CAs keep separate openssl databases, so they are built side by side.
  const [trusted, unknown] = await Promise.all([
    (async () => {
      const ca = await TestCa.create(path.join(dir, 'ca'), 'Branch Ledger Test Head Office CA');
      const server = await ca.issue('server', 'localhost', 'server_cert');
      const expiredServer = await ca.issue('expired-server', 'localhost', 'server_cert', {
        start: new Date(now - 3 * dayMs),
        end: new Date(now - dayMs),
      });
      const client = await ca.issue('client', 'BR001', 'client_cert');
      const secondClient = await ca.issue('second-client', 'BR002', 'client_cert');
      const beijingClient = await ca.issue('beijing-client', 'BJ01', 'client_cert');
      const revokedClient = await ca.issue('revoked-client', 'BR009', 'client_cert');
      await ca.revoke(revokedClient.certPath);
      const crl = await ca.crl();
      return { ca, server, expiredServer, client, secondClient, beijingClient, revokedClient, crl };
    })(),
    (async () => {
      const ca = await TestCa.create(path.join(dir, 'unknown-ca'), 'Somebody Else CA');
      const server = await ca.issue('server', 'localhost', 'server_cert');
      const self = await selfSigned(
        path.join(dir, 'unknown-ca'),
        path.join(dir, 'unknown-ca', 'openssl.cnf'),
      );
      return { ca, server, self };
    })(),
  ]);

  return {
    dir,
    ca: { certPath: trusted.ca.certPath, cert: trusted.ca.cert },
    server: asServer(trusted.server),
    expiredServer: asServer(trusted.expiredServer),
    unknownCaServer: asServer(unknown.server),
    unknownCa: { certPath: unknown.ca.certPath, cert: unknown.ca.cert },
    selfSignedServer: asServer(unknown.self),
    client: { ...trusted.client, commonName: 'BR001' },
    secondClient: { ...trusted.secondClient, commonName: 'BR002' },
    beijingClient: { ...trusted.beijingClient, commonName: 'BJ01' },
    revokedClient: { ...trusted.revokedClient, commonName: 'BR009' },
    crl: trusted.crl,
  };
}

let cached: Promise<TestCertificates> | undefined;

/**
 * The whole set, generated once per process (so once per test file under vitest's isolation) and
 * shared by every test in it; nothing in it is modified after generation.
 */
export function testCertificates(): Promise<TestCertificates> {
  cached ??= generate();
  return cached;
}
