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
 * The desktop app's printing, as the renderer does it, with a stand-in for the main process: the page is
 * given a `window.ledger` (what the preload gives it) that answers `desktop.*` as main would and carries
 * every other call to web mode's engine. 打印设置 chooses the printer and its 套打校准; 打印 then sends the
 * engine's PDF to main with its paper (241 × 140 mm), the print itself moved by that calibration. Main's
 * side — what `webContents.print` is asked for — is tests/unit/electron/desktop-printing.test.ts.
 */

/** What the stand-in main saw: the PDFs it was asked to print, and the engine calls that printed. */
interface Seen {
  printed: { paperMm: { width: number; height: number } | null; bytes: number }[];
  printCalls: { calibration?: unknown }[];
  settings: unknown;
}

/**
 * Runs in the page before the app: the preload's bridge, main's desktop methods stood in here and
 * every other call carried to the engine outside the page (`standInIpc`, as IPC is).
 */
function standInMain() {
  const ipc = (window as unknown as { standInIpc: (request: unknown) => Promise<unknown> }).standInIpc;
  const seen = {
    printed: [],
    printCalls: [],
    settings: { printer: null, silent: false, copies: 1, calibrations: {} },
  } as {
    printed: unknown[];
    printCalls: unknown[];
    settings: Record<string, unknown>;
  };
  (window as unknown as { seen: typeof seen }).seen = seen;
  const answer = (result: unknown) => Promise.resolve({ ok: true, result });
  (window as unknown as { ledger: unknown }).ledger = {
    call: async (request: { method: string; input: Record<string, unknown>; session: string | null }) => {
      if (request.method === 'desktop.printing')
        return answer({
          printers: [
            { name: 'EPSON_LQ_630K', displayName: 'EPSON LQ-630K', isDefault: true },
            { name: 'HP_LaserJet_M1136', displayName: 'HP LaserJet M1136', isDefault: false },
          ],
          settings: seen.settings,
        });
      if (request.method === 'desktop.printing.save') {
        seen.settings = request.input;
        return answer(request.input);
      }
      if (request.method === 'desktop.printPdf') {
        seen.printed.push({
          paperMm: request.input.paperMm,
          bytes: String(request.input.contentBase64).length,
        });
        return answer({ printed: true, printer: seen.settings.printer, copies: seen.settings.copies });
      }
      if (request.method === 'print.document')
        seen.printCalls.push({ calibration: request.input.calibration });
      return ipc(request);
    },
  };
}

describe('printing in the desktop app, main stood in', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let number: string;

  beforeAll(async () => {
    web = await startWebMode();
    const admin = await setUpBranch(web);
    number = await draftMilkDelivery(admin);
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
    await page.exposeFunction('standInIpc', engineDoor(web));
    await page.addInitScript(standInMain);
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  const seen = () => page.evaluate(() => (window as unknown as { seen: Seen }).seen);

  test('打印设置: the printer and its calibration; 打印 sends the PDF and its paper to main, moved for the printer', async () => {
    await openFromMenu(page, '销售单据');
    await page.getByTestId('document-list-sales').getByText(number, { exact: true }).click();
    const delivery = page.getByTestId('document-page-sales_delivery');
    await expect.poll(() => delivery.getByTestId('document-number').inputValue()).toBe(number);
    await delivery.getByTestId('document-preview').click();
    const preview = page.getByTestId('print-preview');
    await expect.poll(() => preview.getByTestId('print-preview-pages').getAttribute('data-pages')).toBe('1');

    await preview.getByRole('button', { name: '打印设置' }).click();
    const settings = page.getByTestId('desktop-print-settings');
    await settings.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'EPSON LQ-630K' }).click();
    await expect
      .poll(async () => ((await seen()).settings as { printer: string }).printer)
      .toBe('EPSON_LQ_630K');
    await settings.getByLabel('水平偏移').fill('1.5');
    await settings.getByLabel('水平偏移').blur();
    await settings.getByLabel('垂直偏移').fill('-2');
    await settings.getByLabel('垂直偏移').blur();
    await expect
      .poll(async () => (await seen()).settings)
      .toMatchObject({
        printer: 'EPSON_LQ_630K',
        calibrations: { EPSON_LQ_630K: { offsetXmm: 1.5, offsetYmm: -2, scale: 1 } },
      });
    await waitForAnimations(page);
    await screenshot(page, 'desktop-print-01-settings');

    // The calibration page goes to the printer on the 241 × 140 form.
    await settings.getByRole('button', { name: '打印校准页' }).click();
    await expect.poll(async () => (await seen()).printed.length).toBe(1);
    expect((await seen()).printed[0]!.paperMm).toEqual({ width: 241, height: 140 });
    await page.locator('.ant-modal-close').last().click();

    await preview.getByTestId('print-preview-print').click();
    await expect.poll(async () => (await seen()).printed.length).toBe(2);
    const { printed, printCalls } = await seen();
    expect(printed[1]).toMatchObject({ paperMm: { width: 241, height: 140 } });
    expect(printed[1]!.bytes).toBeGreaterThan(1000);
    // The preview was asked without a calibration; the print with the printer's.
    expect(printCalls.at(-1)).toEqual({ calibration: { offsetXmm: 1.5, offsetYmm: -2, scale: 1 } });
    await expect.poll(() => page.getByText('已送往打印机，共 1 页').isVisible()).toBe(true);
    await expect.poll(() => delivery.getByTestId('document-prints').textContent()).toBe('已打印 1 次');
    expect(pageErrors).toEqual([]);
  });
});
