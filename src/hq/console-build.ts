import path from 'node:path';
import { builtPageIsStale, buildWithVite } from '../web/renderer-build';

/** The project the receiver runs from (src/hq/ is two folders down). */
const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Where `npm run build` and the receiver put the built console. */
export const consoleStaticRoot = path.join(projectRoot, 'out', 'hq-console');

/**
 * The console's page, built when it is missing or older than its sources, as web mode does for the
 * branch app: `npm run hq` from a fresh clone or after a change serves the page as the code now is.
 */
export async function ensureConsoleBuilt(say: (line: string) => void): Promise<void> {
  if (builtPageIsStale(projectRoot, consoleStaticRoot, ['src/hq/console', 'src/shared'])) {
    say('正在构建总部控制台页面（首次运行或源代码已修改）…');
    await buildWithVite(projectRoot, 'vite.hq-console.config.ts');
  }
}
