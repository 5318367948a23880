import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { contentSecurityPolicyMeta } from './electron/content-security-policy-meta';

/**
 * Head office's console (src/hq/console), its own small app beside the branch app: built into
 * out/hq-console and served by the receiver under /console/ (relative asset paths), with the branch
 * app's strict CSP.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/hq/console'),
  base: './',
  plugins: [react(), contentSecurityPolicyMeta],
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, 'out/hq-console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
});
