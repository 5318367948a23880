/// <reference lib="dom" />
// Callbacks passed to locator.evaluateAll run in the browser.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot, waitForAnimations } from './browser';

/**
 * Opens a page as a clerk finds it: its name typed into the navigation's search, its entry clicked (the
 * groups fold, one open at a time; the search reaches every page).
 */
export async function openFromMenu(page: Page, name: string): Promise<void> {
  const navigation = page.getByTestId('navigation');
  await navigation.getByTestId('menu-search').fill(name);
  await navigation.locator('.ant-menu-item').getByText(name, { exact: true }).click();
}

/** Head office's console has a plain menu of a few pages: its entry is clicked. */
function openFromConsoleMenu(page: Page, name: string): Promise<void> {
  return page.getByRole('menu').locator('.ant-menu-item').getByText(name, { exact: true }).click();
}

/**
 * How a person drives the workspace: the keyboard (with a pause after each key, as the page's lookups
 * answer), the navigation, the document page's line grid and header, and the report pages' filters.
 * Shared by the e2e flows so each reads as the steps a clerk takes. The page is asked for on each use:
 * a flow opens it in `beforeAll`, after its helpers are made.
 */
export function workspaceDriver(currentPage: () => Page) {
  const key = async (name: string) => {
    const page = currentPage();
    await page.keyboard.press(name);
    await page.waitForTimeout(150);
  };
  const type = async (text: string) => {
    const page = currentPage();
    await page.keyboard.type(text, { delay: 20 });
    await page.waitForTimeout(400);
  };
  return {
    key,
    type,
    shot: async (name: string) => {
      await waitForAnimations(currentPage());
      await screenshot(currentPage(), name);
    },
    /** A page in the navigation, by its title: through the branch app's menu search, or the console's menu. */
    menu: (name: string) => ({
      click: async () => {
        const page = currentPage();
        const branchApp = (await page.getByTestId('navigation').count()) > 0;
        await (branchApp ? openFromMenu(page, name) : openFromConsoleMenu(page, name));
      },
    }),
    /** Each body row of an antd table as its cells' text. */
    rowTexts: (table: Locator) =>
      table
        .locator('.ant-table-tbody .ant-table-row')
        .evaluateAll((rows) =>
          rows.map((row) =>
            [...row.querySelectorAll('.ant-table-cell')].map((cell) => (cell.textContent ?? '').trim()),
          ),
        ),
    /** A cell of a document's line grid, by field and line position (cells carry `line-<key>:<field>`). */
    lineCell: (documentPage: Locator, field: string, index: number) =>
      documentPage.locator(`[data-cell^="line-"][data-cell$=":${field}"]`).nth(index),
    searchBox: (report: Locator) =>
      report.locator('input[data-testid="report-search"], [data-testid="report-search"] input').first(),
    /** Types a period into a report's range picker, both ends. */
    choosePeriod: async (report: Locator, from: string, to: string) => {
      const page = currentPage();
      await report
        .locator('input[data-testid="report-period"], [data-testid="report-period"] input')
        .first()
        .click();
      await page.keyboard.press('Control+a');
      await type(from);
      await key('Enter');
      await page.keyboard.press('Control+a');
      await type(to);
      await key('Enter');
    },
    /** Types the document's business date into the header's date field and commits it. */
    typeDate: async (documentPage: Locator, date: string) => {
      const page = currentPage();
      const input = documentPage
        .locator('input[data-testid="document-date"], [data-testid="document-date"] input')
        .first();
      await input.click();
      await page.keyboard.press('Control+a');
      await type(date);
      await key('Enter');
      await expect.poll(() => input.inputValue()).toBe(date);
    },
  };
}
