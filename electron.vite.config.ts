import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { contentSecurityPolicyMeta } from './electron/content-security-policy-meta';

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
