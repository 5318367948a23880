import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The built renderer carries its own strict CSP, so it holds in the desktop app (file://) and in
 * web mode alike. Only the built page: the dev server's hot reload needs inline scripts.
 * antd styles components at run time, hence inline styles and nothing else inline.
 */
const contentSecurityPolicy: Plugin = {
  name: 'branch-ledger-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      injectTo: 'head-prepend',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content:
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
          "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
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
    plugins: [react(), contentSecurityPolicy],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src/app/index.html') },
      chunkSizeWarningLimit: 4096,
    },
  },
});
