import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainVaultKey, wrappedKeyFileOf, type Keychain } from '../../../electron/upload-vault-key';
import {
  aesGcmVault,
  keyFileVault,
  readUploadSecrets,
  storeUploadSecrets,
  vaultKeyFileOf,
} from '../../../src/engine/services/upload/upload-secret';

/**
 * Electron's safeStorage cannot run on these machines (no Electron binary), so a keychain of the same
 * shape stands in: it really encrypts, under a key of its own that a "copied profile" does not have.
 */
function keychain(backend = 'gnome_libsecret', own = randomBytes(32)): Keychain & { own: Buffer } {
  return {
    own,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', own, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', own, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

function ledgerFolder(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vault-key-')), 'ledger.db');
}

const secrets = { secret: 'hq-secret-0123456789', clientKey: '-----BEGIN PRIVATE KEY-----…' };

describe('the upload vault key on the desktop, wrapped by the OS keychain', () => {
  it('is made once, kept only wrapped, and opens what it sealed on the next start', () => {
    const databasePath = ledgerFolder();
    const chain = keychain();
    const logged: string[] = [];
    const first = keychainVaultKey(chain, databasePath, (line) => logged.push(line))!;
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(fs.existsSync(vaultKeyFileOf(databasePath))).toBe(false);
    const wrapped = fs.readFileSync(wrappedKeyFileOf(databasePath));
    expect(wrapped.includes(Buffer.from(first))).toBe(false);
    expect(fs.statSync(wrappedKeyFileOf(databasePath)).mode & 0o777).toBe(0o600);

    const secretFile = `${databasePath}.upload-secret`;
    storeUploadSecrets(
      aesGcmVault(() => Buffer.from(first, 'base64')),
      secretFile,
      secrets,
    );
    const again = keychainVaultKey(chain, databasePath, (line) => logged.push(line))!;
    expect(again).toBe(first);
    expect(
      readUploadSecrets(
        aesGcmVault(() => Buffer.from(again, 'base64')),
        secretFile,
      ),
    ).toEqual(secrets);
    expect(logged).toEqual([]);
  });

  it("takes over web mode's key file: the secrets it sealed still open, and the plain key is gone", () => {
    const databasePath = ledgerFolder();
    const secretFile = `${databasePath}.upload-secret`;
    storeUploadSecrets(keyFileVault(vaultKeyFileOf(databasePath)), secretFile, secrets);
    const key = keychainVaultKey(keychain(), databasePath, () => {})!;
    expect(fs.existsSync(vaultKeyFileOf(databasePath))).toBe(false);
    expect(
      readUploadSecrets(
        aesGcmVault(() => Buffer.from(key, 'base64')),
        secretFile,
      ),
    ).toEqual(secrets);
  });

  it('a profile copied from another machine: a new key, said so, and the old secrets must be entered again', () => {
    const databasePath = ledgerFolder();
    const secretFile = `${databasePath}.upload-secret`;
    const here = keychainVaultKey(keychain(), databasePath, () => {})!;
    storeUploadSecrets(
      aesGcmVault(() => Buffer.from(here, 'base64')),
      secretFile,
      secrets,
    );
    const logged: string[] = [];
    const there = keychainVaultKey(keychain(), databasePath, (line) => logged.push(line))!;
    expect(there).not.toBe(here);
    expect(logged.join()).toMatch(/另一台电脑/);
    expect(() =>
      readUploadSecrets(
        aesGcmVault(() => Buffer.from(there, 'base64')),
        secretFile,
      ),
    ).toThrow(/重新填写/);
  });

  it("without a real keychain (none, or Linux's basic_text) the engine keeps its key file", () => {
    const databasePath = ledgerFolder();
    expect(keychainVaultKey(keychain('basic_text'), databasePath, () => {})).toBeNull();
    expect(
      keychainVaultKey({ ...keychain(), isEncryptionAvailable: () => false }, databasePath, () => {}),
    ).toBeNull();
    expect(fs.existsSync(wrappedKeyFileOf(databasePath))).toBe(false);
  });
});
