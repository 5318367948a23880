import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ClientCertificates {
  /** The CA head office trusts for branch certificates. */
  caCert: Buffer;
  /** A branch certificate signed by that CA. */
  branch: { key: Buffer; cert: Buffer };
  /** A certificate nobody signed: a stranger's. */
  stranger: { key: Buffer; cert: Buffer };
}

async function selfSigned(dir: string, name: string, extra: string[] = []): Promise<void> {
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    path.join(dir, `${name}-key.pem`),
    '-out',
    path.join(dir, `${name}-cert.pem`),
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    ...extra,
  ]);
}

/** A throw-away CA, a branch certificate it signs and a self-signed stranger, made with openssl in `dir`. */
export async function makeClientCertificates(dir: string): Promise<ClientCertificates> {
  await selfSigned(dir, 'ca', [
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=keyCertSign',
  ]);
  await selfSigned(dir, 'stranger');
  const file = (name: string) => path.join(dir, name);
  await run('openssl', [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    file('branch-key.pem'),
    '-out',
    file('branch.csr'),
    '-subj',
    '/CN=BJ01',
  ]);
  fs.writeFileSync(file('branch.ext'), 'extendedKeyUsage=clientAuth\n');
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    file('branch.csr'),
    '-CA',
    file('ca-cert.pem'),
    '-CAkey',
    file('ca-key.pem'),
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    file('branch-cert.pem'),
    '-extfile',
    file('branch.ext'),
  ]);
  const read = (name: string) => fs.readFileSync(file(name));
  return {
    caCert: read('ca-cert.pem'),
    branch: { key: read('branch-key.pem'), cert: read('branch-cert.pem') },
    stranger: { key: read('stranger-key.pem'), cert: read('stranger-cert.pem') },
  };
}
