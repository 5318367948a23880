/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, with the flags this closed-network machine needs (TESTING.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const screenshotFolder = path.resolve(import.meta.dirname, '../../../test-results/e2e');

/** Screenshots are the test's artifacts: someone looks at them, not only the assertions. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotFolder, { recursive: true });
  await page.screenshot({ path: path.join(screenshotFolder, `${name}.png`), fullPage: true });
}

/** Collects what the page reports as broken, so a test can assert there was nothing. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/**
 * Waits until antd's open and close animations (modals, drawers, messages, menus) have run, so a
 * screenshot shows the screen as the person sees it once it has settled.
 */
export async function waitForAnimations(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector(
        '[class*="-enter"], [class*="-appear"], [class*="-leave"], .ant-motion-collapse',
      ),
    undefined,
    { timeout: 10_000 },
  );
}
