import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './electron/content-security-policy';

/**
 * The built renderer carries the app's strict CSP in a meta tag, so it holds under file:// in the
 * desktop app and in web mode alike (response headers never reach file:// pages). One policy,
 * written once in electron/content-security-policy.ts. Only the built page: the dev server's hot
 * reload needs inline scripts, and gets its policy from the main process instead.
 */
const contentSecurityPolicyMeta: Plugin = {
  name: 'branch-ledger-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      injectTo: 'head-prepend',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        // frame-ancestors is ignored in a meta tag; the rest applies.
        content: contentSecurityPolicy({ kind: 'file', indexHtml: 'index.html' })
          .split('; ')
          .filter((directive) => !directive.startsWith('frame-ancestors'))
          .join('; '),
      },
    },
  ],
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve('electron/main.ts'),
          // The engine runs in its own utilityProcess, so the window never waits on SQLite.
          'engine-process': resolve('electron/engine-process.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/app',
    base: './',
    plugins: [react(), contentSecurityPolicyMeta],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src/app/index.html') },
      chunkSizeWarningLimit: 4096,
    },
  },
});
