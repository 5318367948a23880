import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { LedgerError } from '../../shared/ledger-error';

/**
 * An encrypted backup file: a 40-byte header, the database encrypted with AES-256-GCM, and GCM's 16-byte tag.
 *
 *   0  8  magic `BLDG-ENC`
 *   8  1  format version (1)
 *   9  1  scrypt cost as log2 N
 *  10  1  scrypt r
 *  11  1  scrypt p
 *  12 16  salt
 *  28 12  nonce
 *
 * The key is derived from the passphrase with scrypt, whose cost is in the header so a later version can
 * raise it and still read old backups. The header is authenticated too (GCM's additional data): a changed
 * cost, salt or nonce fails like a wrong passphrase instead of decrypting to garbage.
 */
const magic = Buffer.from('BLDG-ENC', 'ascii');
const formatVersion = 1;
const headerBytes = 40;
const tagBytes = 16;
/** 2^15 × 8 × 128 bytes = 32 MiB of memory and a fraction of a second: costly to guess at, cheap to run once. */
const defaultCost = { log2N: 15, r: 8, p: 1 };

function deriveKey(passphrase: string, salt: Buffer, cost: typeof defaultCost): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** cost.log2N, r: cost.r, p: cost.p, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Whether a file starts like an encrypted backup (it may still be damaged or have another passphrase). */
export function isEncryptedBackup(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const start = Buffer.alloc(magic.length);
    return fs.readSync(fd, start, 0, magic.length, 0) === magic.length && start.equals(magic);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes `plainFile` encrypted with `passphrase` to `encryptedFile`, which must not exist yet. */
export async function encryptFile(
  plainFile: string,
  encryptedFile: string,
  passphrase: string,
): Promise<void> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const header = Buffer.concat([
    magic,
    Buffer.from([formatVersion, defaultCost.log2N, defaultCost.r, defaultCost.p]),
    salt,
    nonce,
  ]);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, defaultCost), nonce);
  cipher.setAAD(header);
  const out = fs.createWriteStream(encryptedFile, { flags: 'wx' });
  out.write(header);
  await pipeline(fs.createReadStream(plainFile), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) =>
    out.end(cipher.getAuthTag(), () => resolve()).on('error', reject),
  );
}

/**
 * Decrypts an encrypted backup to `plainFile` (which must not exist yet). A wrong passphrase and a changed
 * file look alike to GCM: both are told as one clear message, and nothing decrypted is left behind.
 */
export async function decryptFile(
  encryptedFile: string,
  plainFile: string,
  passphrase: string,
): Promise<void> {
  const size = fs.statSync(encryptedFile).size;
  const fd = fs.openSync(encryptedFile, 'r');
  const header = Buffer.alloc(headerBytes);
  const tag = Buffer.alloc(tagBytes);
  try {
    const complete =
      size > headerBytes + tagBytes &&
      fs.readSync(fd, header, 0, headerBytes, 0) === headerBytes &&
      fs.readSync(fd, tag, 0, tagBytes, size - tagBytes) === tagBytes;
    if (!complete || !header.subarray(0, magic.length).equals(magic)) {
      throw new LedgerError(
        'BACKUP_FAILED',
        `文件 ${encryptedFile} 不是完整的加密备份（文件不完整或已损坏）。`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
  if (header[8] !== formatVersion) {
    throw new LedgerError(
      'BACKUP_FAILED',
      `加密备份 ${encryptedFile} 的格式版本为 ${header[8]}，本程序只认识版本 ${formatVersion}。请用较新版本的分支账簿恢复。`,
    );
  }
  const cost = { log2N: header[9]!, r: header[10]!, p: header[11]! };
  const salt = header.subarray(12, 28);
  const nonce = header.subarray(28, 40);
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, salt, cost), nonce);
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      fs.createReadStream(encryptedFile, { start: headerBytes, end: size - tagBytes - 1 }),
      decipher,
      fs.createWriteStream(plainFile, { flags: 'wx' }),
    );
  } catch (error) {
    fs.rmSync(plainFile, { force: true });
    if ((error as Error).message.includes('authenticate')) {
      throw new LedgerError(
        'WRONG_PASSPHRASE',
        `备份密码不正确，无法解密 ${encryptedFile}（如密码无误，则此备份文件已被改动或损坏）。`,
      );
    }
    throw error;
  }
}
