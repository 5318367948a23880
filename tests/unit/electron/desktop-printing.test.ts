import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiRequest, ApiResponse } from '../../../src/shared/api';

/**
 * Desktop printing with a stand-in for `electron` (the binary cannot run here): what `webContents.print`
 * is asked for — the printer and copies set on this machine, the PDF's paper in microns, no margins, no
 * scaling — that the PDF printed is the engine's file byte for byte, and that the window and the file
 * are gone after, printed or not.
 */
const stand = vi.hoisted(() => ({
  windows: [] as {
    options: unknown;
    loaded: string | null;
    loadedBytes: Buffer | null;
    printed: unknown;
    destroyed: boolean;
  }[],
  answer: { success: true, reason: '' } as { success: boolean; reason: string },
}));

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly record;
    constructor(options: unknown) {
      this.record = {
        options,
        loaded: null,
        loadedBytes: null,
        printed: null,
        destroyed: false,
      } as (typeof stand.windows)[number];
      stand.windows.push(this.record);
    }
    loadFile(file: string) {
      this.record.loaded = file;
      this.record.loadedBytes = fs.readFileSync(file);
      return Promise.resolve();
    }
    webContents = {
      print: (options: unknown, done: (success: boolean, reason: string) => void) => {
        this.record.printed = options;
        done(stand.answer.success, stand.answer.reason);
      },
      getPrintersAsync: () =>
        Promise.resolve([
          { name: 'EPSON_LQ_630K', displayName: 'EPSON LQ-630K', isDefault: true },
          { name: 'HP_LaserJet', displayName: '', isDefault: false },
        ]),
    };
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { BrowserWindow };
});

const { withDesktopMethods, readPrintSettings } = await import('../../../electron/desktop-printing');
const { BrowserWindow } = await import('electron');

/** The engine as main sees it: it knows one session, and answers anything else it is given. */
const engine = {
  calls: [] as ApiRequest[],
  call(request: ApiRequest): Promise<ApiResponse> {
    this.calls.push(request);
    if (request.method === 'auth.currentUser')
      return Promise.resolve(
        request.session === 'keeper-session'
          ? { ok: true, result: { user: { id: 2 } } }
          : { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录。' } },
      );
    return Promise.resolve({ ok: true, result: 'from the engine' });
  },
};

let folder: string;
let door: ReturnType<typeof withDesktopMethods>;
const call = (method: string, input: unknown, session: string | null = 'keeper-session') =>
  door.call({ method, input, session });
const pdf = Buffer.from('%PDF-1.7\n三联 241×140\n%%EOF');

beforeEach(() => {
  stand.windows.length = 0;
  stand.answer = { success: true, reason: '' };
  engine.calls.length = 0;
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-printing-'));
  door = withDesktopMethods(engine, {
    settingsFile: path.join(folder, 'printing.json'),
    parent: () => new BrowserWindow(),
    log: () => {},
  });
});

describe('desktop printing', () => {
  it('prints the PDF as it is on the machine’s printer: its paper in microns, no margins, not scaled', async () => {
    const saved = await call('desktop.printing.save', { printer: 'EPSON_LQ_630K', silent: true, copies: 3 });
    expect(saved.ok).toBe(true);
    expect(readPrintSettings(path.join(folder, 'printing.json'))).toEqual({
      printer: 'EPSON_LQ_630K',
      silent: true,
      copies: 3,
      calibrations: {},
    });
    stand.windows.length = 0;
    const answer = await call('desktop.printPdf', {
      contentBase64: pdf.toString('base64'),
      paperMm: { width: 241, height: 140 },
    });
    expect(answer).toEqual({ ok: true, result: { printed: true, printer: 'EPSON_LQ_630K', copies: 3 } });
    const window = stand.windows.find((one) => one.printed !== null)!;
    expect(window.printed).toEqual({
      silent: true,
      deviceName: 'EPSON_LQ_630K',
      copies: 3,
      printBackground: true,
      margins: { marginType: 'none' },
      scaleFactor: 100,
      pageSize: { width: 241000, height: 140000 },
      landscape: false,
    });
    // A hidden window with the PDF viewer, sandboxed; the file printed is the engine's, byte for byte.
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(window.loadedBytes!.equals(pdf)).toBe(true);
    expect(window.destroyed).toBe(true);
    expect(fs.existsSync(window.loaded!)).toBe(false);
  });

  it('asks with the system dialog when the machine does not print silently, or when asked to', async () => {
    await call('desktop.printPdf', { contentBase64: pdf.toString('base64'), paperMm: null });
    const first = stand.windows.find((one) => one.printed !== null)!;
    expect(first.printed).toMatchObject({ silent: false, copies: 1 });
    expect(first.printed).not.toHaveProperty('deviceName');
    // A batch on several papers: the PDF's own page sizes, none forced.
    expect(first.printed).not.toHaveProperty('pageSize');

    await call('desktop.printing.save', { printer: null, silent: true, copies: 1 });
    stand.windows.length = 0;
    await call('desktop.printPdf', { contentBase64: pdf.toString('base64'), paperMm: null, dialog: true });
    expect(stand.windows.find((one) => one.printed !== null)!.printed).toMatchObject({ silent: false });
  });

  it('says in Chinese why a print did not happen, and leaves no window or file behind', async () => {
    stand.answer = { success: false, reason: 'Invalid deviceName provided' };
    const answer = await call('desktop.printPdf', {
      contentBase64: pdf.toString('base64'),
      paperMm: { width: 210, height: 297 },
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '找不到设定的打印机，请在【打印设置】里重新选择。' },
    });
    const window = stand.windows.find((one) => one.printed !== null)!;
    expect(window.destroyed).toBe(true);
    expect(fs.existsSync(window.loaded!)).toBe(false);
  });

  it('lists the printers; refuses a caller not signed in; relays every other method to the engine', async () => {
    const listed = await call('desktop.printing', {});
    expect(listed).toEqual({
      ok: true,
      result: {
        printers: [
          { name: 'EPSON_LQ_630K', displayName: 'EPSON LQ-630K', isDefault: true },
          { name: 'HP_LaserJet', displayName: 'HP_LaserJet', isDefault: false },
        ],
        settings: { printer: null, silent: false, copies: 1, calibrations: {} },
      },
    });
    expect(await call('desktop.printing', {}, null)).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录。' },
    });
    expect(await call('desktop.printing.save', { printer: null, silent: false, copies: 0 })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '打印设置有误：份数至少为 1' },
    });
    expect(await call('documents.list', {})).toEqual({ ok: true, result: 'from the engine' });
    expect(engine.calls.at(-1)!.method).toBe('documents.list');
  });
});
