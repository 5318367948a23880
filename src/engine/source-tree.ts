import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where things are when the engine runs straight from the project's files (web mode, the CLI,
 * tests). The desktop app is packaged differently and passes its own paths.
 */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const sourceMigrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export function sourceAppVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
