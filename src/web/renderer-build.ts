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

/** The built renderer is stale when it is missing or older than any of its sources. */
export function rendererIsStale(projectRoot: string, rendererRoot: string): boolean {
  const builtIndex = path.join(rendererRoot, 'index.html');
  if (!fs.existsSync(builtIndex)) return true;
  const built = fs.statSync(builtIndex).mtimeMs;
  return ['src/app', 'src/shared'].some(
    (folder) => newestModification(path.join(projectRoot, folder)) > built,
  );
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
