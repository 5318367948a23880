import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        // Real SQLite files in temporary folders; each file is its own database, so files run in parallel.
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // expect.poll's default 1 s is too short on a loaded 2-core machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        // Chromium driving web mode: one browser flow at a time on a 2-core machine.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // expect.poll gives up after 1 s by default: too short on a loaded 2-core machine, where the
          // first import of a workbook or a page's first query can take longer. The same as Playwright's
          // action timeout (support/browser.ts), so a step waits as long as a click would.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        // One bench file at a time: two measuring at once on a 2-core machine measure each other, and the
        // upload benches share the cached demo ledgers (one holds a write transaction on its copy).
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench.ts'],
          environment: 'node',
          fileParallelism: false,
        },
      },
    ],
  },
});
