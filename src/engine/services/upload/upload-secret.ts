import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../../shared/ledger-error';

/**
 * Where the HMAC secret head office gave this branch is kept (UPLOAD.md "Trust"): never in the ledger —
 * every backup and every copy of the ledger would carry it — nor in a log, the audit or an export. A
 * vault seals it with AES-GCM: in web mode and the CLI under a key file beside the database readable only by
 * the account the app runs as; on the desktop under a key the OS keychain wraps (Electron `safeStorage`,
 * electron/upload-vault-key.ts), so a copied disk or profile does not carry it readable.
 */
export interface SecretVault {
  seal(secret: string): Buffer;
  open(sealed: Buffer): string;
}

/** AES-256-GCM under a 32-byte key: iv (12) · tag (16) · ciphertext. */
export function aesGcmVault(key: () => Buffer): SecretVault {
  return {
    seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key(), sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** The vault's key file beside the database (web mode and the CLI; the desktop wraps it in the keychain). */
export function vaultKeyFileOf(databasePath: string): string {
  return `${databasePath}.upload-key`;
}

/** A random key in a 0600 file, made on first use: the key file never leaves the machine with a backup. */
export function keyFileVault(keyFile: string): SecretVault {
  return aesGcmVault(() => {
    try {
      return fs.readFileSync(keyFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      fs.mkdirSync(path.dirname(keyFile), { recursive: true });
      const made = randomBytes(32);
      fs.writeFileSync(keyFile, made, { mode: 0o600, flag: 'wx' });
      return made;
    }
  });
}

/** The sealed secrets' file, beside the database. */
export function secretFileOf(databasePath: string): string {
  return `${databasePath}.upload-secret`;
}

/** What the vault keeps: head office's HMAC secret, and the private key of the branch's client certificate. */
export interface UploadSecrets {
  secret: string | null;
  clientKey: string | null;
}

/** Changes what the vault keeps (`undefined`: as it was; null: removed). */
export function storeUploadSecrets(
  vault: SecretVault,
  file: string,
  change: { secret?: string | null | undefined; clientKey?: string | null | undefined },
): void {
  const current = readUploadSecrets(vault, file);
  const next: UploadSecrets = {
    secret: change.secret === undefined ? current.secret : change.secret,
    clientKey: change.clientKey === undefined ? current.clientKey : change.clientKey,
  };
  if (next.secret === null && next.clientKey === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, vault.seal(JSON.stringify(next)), { mode: 0o600 });
  fs.renameSync(partial, file);
}

export function readUploadSecrets(vault: SecretVault, file: string): UploadSecrets {
  let sealed: Buffer;
  try {
    sealed = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { secret: null, clientKey: null };
    throw error;
  }
  try {
    return JSON.parse(vault.open(sealed)) as UploadSecrets;
  } catch {
    throw new LedgerError(
      'CONFLICT',
      '上传密钥无法解密（密钥文件已更换或损坏），请在“上传设置”中重新填写总部给的密钥和客户端私钥。',
    );
  }
}
