import { execFile } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TlsIdentity {
  keyFile: string;
  certFile: string;
  key: Buffer;
  cert: Buffer;
  /** base64 sha256 of the certificate's SubjectPublicKeyInfo: what a branch pins. */
  spkiSha256: string;
  /** True when this call made the certificate. */
  created: boolean;
}

/** The pin of a certificate: it survives renewing the certificate as long as the key stays. */
export function spkiSha256Of(cert: string | Buffer): string {
  const spki = createPublicKey(cert).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/**
 * Head office's certificate in `dir` (hq-key.pem, hq-cert.pem); on first start, without one, a
 * self-signed one is made with the openssl command for 127.0.0.1, localhost and this machine's name,
 * so a branch can connect at once and pin it. The key file is readable by its owner only.
 */
export async function ensureTlsIdentity(
  dir: string,
  hostNames: readonly string[] = [os.hostname()],
): Promise<TlsIdentity> {
  const keyFile = path.join(dir, 'hq-key.pem');
  const certFile = path.join(dir, 'hq-cert.pem');
  let created = false;
  if (!fs.existsSync(keyFile) || !fs.existsSync(certFile)) {
    fs.mkdirSync(dir, { recursive: true });
    const names = [...new Set(['localhost', ...hostNames])].map((name) => `DNS:${name}`);
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '3650',
      '-subj',
      '/CN=Branch Ledger head office',
      '-addext',
      `subjectAltName=IP:127.0.0.1,${names.join(',')}`,
    ]);
    fs.chmodSync(keyFile, 0o600);
    created = true;
  }
  const cert = fs.readFileSync(certFile);
  return { keyFile, certFile, key: fs.readFileSync(keyFile), cert, spkiSha256: spkiSha256Of(cert), created };
}
