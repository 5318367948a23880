import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { vaultKeyFileOf } from '../src/engine/services/upload/upload-secret';

/** What is used of Electron's `safeStorage` (main process only; the engine's utilityProcess has none). */
export interface Keychain {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
  /** Linux: `basic_text` is a fixed key compiled into Chromium — no keyring, no better than a plain file. */
  getSelectedStorageBackend?(): string;
}

/** The vault key as the keychain wraps it, beside the database. */
export function wrappedKeyFileOf(databasePath: string): string {
  return `${databasePath}.upload-key.keychain`;
}

function writePrivately(file: string, data: Buffer): void {
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, data, { mode: 0o600 });
  fs.renameSync(partial, file);
}

/**
 * The key of the upload vault on the desktop (UPLOAD.md "Trust": the secret sealed by `safeStorage`). The
 * engine runs in a utilityProcess, where `safeStorage` does not exist, so main unwraps a 32-byte key with
 * the OS keychain (DPAPI, Keychain, libsecret) and hands it to the engine, which seals the secrets under
 * it as web mode does under its key file — envelope encryption, the way Chromium keeps its own key. A key
 * file left by web mode or an earlier version is taken over: wrapped, then deleted, so the secrets it
 * sealed still open and no readable key stays on disk.
 *
 * Base64, or null when there is no real keychain: the engine then keeps the key file, as in web mode.
 */
export function keychainVaultKey(
  keychain: Keychain,
  databasePath: string,
  log: (line: string) => void,
): string | null {
  if (!keychain.isEncryptionAvailable() || keychain.getSelectedStorageBackend?.() === 'basic_text')
    return null;
  const wrappedFile = wrappedKeyFileOf(databasePath);
  const plainFile = vaultKeyFileOf(databasePath);
  if (fs.existsSync(wrappedFile)) {
    try {
      return keychain.decryptString(fs.readFileSync(wrappedFile));
    } catch {
      // Another user's or another machine's keychain (a copied profile): the secrets cannot be opened
      // anyway; a new key lets the administrator enter them again in 上传设置.
      log('上传密钥的钥匙串封装无法解开（配置文件可能来自另一台电脑），已换新钥匙，请重新填写上传密钥。');
    }
  }
  const key = fs.existsSync(plainFile) ? fs.readFileSync(plainFile) : randomBytes(32);
  const encoded = key.toString('base64');
  writePrivately(wrappedFile, keychain.encryptString(encoded));
  fs.rmSync(plainFile, { force: true });
  return encoded;
}
