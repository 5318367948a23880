import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, engineDoor, setUpBranch } from './support/api';
import { draftMilkDelivery } from './support/branch-world';
import {
  launchChromium,
  openWorkspacePage,
  screenshot,
  signInThroughLogin,
  waitForAnimations,
} from './support/browser';
import { openFromMenu } from './support/workspace';
import { startWebMode, type WebMode } from './support/web-mode';

/*
 * The desktop app's renderer as the installed app loads it — the built index.html from a file:// URL,
 * under its own Content-Security-Policy — with the preload's `window.ledger` stood in by a binding to
 * the engine of a web-mode run (Electron itself cannot run here). What it shows: the 打印预览's PDF.js
 * worker loads from file:// under that policy and draws the engine's pages.
 */
describe('the desktop renderer from file://', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let number: string;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    // Web mode builds the renderer the desktop app loads (out/renderer) when it is stale.
    web = await startWebMode();
    const admin = await setUpBranch(web);
    number = await draftMilkDelivery(admin);

    // Electron lets its file:// page load its module scripts and worker from beside it; plain Chromium
    // does so with this switch. The page's own policy still applies.
    browser = await launchChromium(['--allow-file-access-from-files']);
    ({ page, pageErrors } = await openWorkspacePage(browser));
    // An error in the console, or PDF.js falling back to parsing in the page, is a failure here.
    page.on('console', (message) => {
      if (message.type() === 'error' || /fake worker/i.test(message.text())) pageErrors.push(message.text());
      consoleLines.push(`${message.type()}: ${message.text()}`);
    });
    // The preload's one function, carried to the engine outside the page (as IPC is): the page's
    // policy lets it reach nothing over the network, as in the desktop app.
    await page.exposeFunction('standInIpc', engineDoor(web));
    await page.addInitScript(() => {
      const ipc = (window as unknown as { standInIpc: (request: unknown) => Promise<unknown> }).standInIpc;
      (window as unknown as { ledger: unknown }).ledger = { call: (request: unknown) => ipc(request) };
    });
    const indexHtml = path.resolve(import.meta.dirname, '../../out/renderer/index.html');
    await signInThroughLogin(
      page,
      pathToFileURL(indexHtml).href,
      branchAdministrator.username,
      branchAdministrator.password,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  test('打印预览 draws the PDF through PDF.js’s worker, loaded from the app’s own files', async () => {
    expect(page.url()).toMatch(/^file:\/\//);
    await openFromMenu(page, '销售单据');
    await page.getByTestId('document-list-sales').getByText(number, { exact: true }).click();
    const delivery = page.getByTestId('document-page-sales_delivery');
    await expect.poll(() => delivery.getByTestId('document-number').inputValue()).toBe(number);
    await delivery.getByTestId('document-preview').click();
    const preview = page.getByTestId('print-preview');
    await expect
      .poll(async () =>
        (await preview.getByTestId('print-preview-failure').count())
          ? await preview.getByTestId('print-preview-failure').textContent()
          : await preview.getByTestId('print-preview-pages').getAttribute('data-pages'),
      )
      .toBe('1');
    // Drawn, not blank: the canvas holds dark pixels (the text and rules of the page).
    const inked = await preview
      .getByTestId('print-preview-page')
      .first()
      .evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let dark = 0;
        for (let index = 0; index < data.length; index += 4) if (data[index]! < 100) dark += 1;
        return dark;
      });
    expect(inked).toBeGreaterThan(1000);
    await waitForAnimations(page);
    await screenshot(page, 'desktop-renderer-01-preview-from-file');
    // The worker is a worker of its own, from the app's files.
    const workers = page.workers().map((worker) => worker.url());
    expect(
      workers.some((url) => /^file:.*pdf\.worker.*\.mjs$/.test(url)),
      workers.join(' '),
    ).toBe(true);
    expect(pageErrors, consoleLines.join('\n')).toEqual([]);
  });
});
