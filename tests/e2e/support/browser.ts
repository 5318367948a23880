/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium, with the flags this closed-network machine needs (TESTING.md); `extraArgs` for a
 * test that needs more (the desktop renderer from file://).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...extraArgs,
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

const animating = '[class*="-enter"], [class*="-appear"], [class*="-leave"], .ant-motion-collapse';

/**
 * Waits until antd's open and close animations (modals, drawers, messages, menus) have run, so a
 * screenshot shows the screen as the person sees it once it has settled. A screenshot is for a person
 * to look at, not an assertion: when something is still moving after 10 s (a loaded machine), the
 * shot is taken anyway and what was moving is said, rather than failing the test that asked for it.
 */
export async function waitForAnimations(page: Page): Promise<void> {
  try {
    await page.waitForFunction((selector) => !document.querySelector(selector), animating, {
      timeout: 10_000,
    });
  } catch {
    const moving = await page.evaluate(
      (selector) => [...document.querySelectorAll(selector)].map((element) => element.className),
      animating,
    );
    console.warn(`screenshot taken while still animating: ${JSON.stringify(moving)}`);
  }
}

/** A page as the clerk's screen: 1366 × 860, Chinese, downloads allowed, errors collected. */
export async function openWorkspacePage(browser: Browser): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage({
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  // The engine is local: anything that takes longer than this is a fault, not a slow network.
  page.setDefaultTimeout(15_000);
  return { page, pageErrors: watchPageErrors(page) };
}

/** Signs in through the login screen (signing the current user out first) and waits for the shell. */
export async function signInThroughLogin(
  page: Page,
  url: string,
  username: string,
  password: string,
): Promise<void> {
  if (await page.getByTestId('header-branch').isVisible()) await page.getByTestId('logout').click();
  else await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登 录' }).click();
  await page.getByTestId('header-branch').waitFor();
}
