import fs from 'node:fs';
import path from 'node:path';

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * A built page (its folder holds index.html) is stale when it is missing or older than any file of
 * its source folders (relative to the project).
 */
export function builtPageIsStale(
  projectRoot: string,
  builtRoot: string,
  sourceFolders: readonly string[],
): boolean {
  const builtIndex = path.join(builtRoot, 'index.html');
  if (!fs.existsSync(builtIndex)) return true;
  const built = fs.statSync(builtIndex).mtimeMs;
  return sourceFolders.some((folder) => newestModification(path.join(projectRoot, folder)) > built);
}

/** The branch app's renderer is stale when it is missing or older than any of its sources. */
export function rendererIsStale(projectRoot: string, rendererRoot: string): boolean {
  return builtPageIsStale(projectRoot, rendererRoot, ['src/app', 'src/shared']);
}

/** Builds the app with electron-vite; its log goes to stderr so stdout carries only the URL line. */
export async function buildRenderer(projectRoot: string): Promise<void> {
  const { build } = await import('electron-vite');
  await build({
    root: projectRoot,
    configFile: path.join(projectRoot, 'electron.vite.config.ts'),
    logLevel: 'warn',
  });
}

/** Builds a page with plain Vite from its config file (head office's console). */
export async function buildWithVite(projectRoot: string, configFile: string): Promise<void> {
  const { build } = await import('vite');
  // The runner loads the TypeScript config as the code does (extensionless imports), without bundling it.
  await build({ configFile: path.join(projectRoot, configFile), configLoader: 'runner', logLevel: 'warn' });
}
