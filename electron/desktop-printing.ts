import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { BrowserWindow, type WebContentsPrintOptions } from 'electron';
import { z } from 'zod';
import type { ApiRequest, ApiResponse } from '../src/shared/api';
import type { RendererCallRelay } from './renderer-calls';
import {
  desktopPrintSettingsSchema,
  type DesktopPrinter,
  type DesktopPrintSettings,
} from '../src/shared/desktop-printing';

/**
 * Printing on the desktop, owned by the main process (ARCHITECTURE.md "Processes"): the engine's PDF —
 * the very file the preview showed — printed as it is, on the printer and with the copies this machine
 * is set to, silently to that printer when the setting says so, else through the system's print dialog.
 * Never `webContents.print` of the app's live page: its page size and breaks would be the browser's.
 *
 * The page size is given to the driver explicitly, in microns, from the paper the PDF was laid out on:
 * a driver left to guess prints a 241 × 140 mm form on A4 and drifts (electron 31705, 29532, 39702).
 * The settings are the machine's, not the books': a file beside the window state.
 */

/** The PDF and the paper its pages were laid out on (null: a batch on papers of several sizes). */
const printPdfInput = z.object({
  contentBase64: z.string().min(1).max(70_000_000, '打印文件过大'),
  paperMm: z
    .object({ width: z.number().positive().max(2000), height: z.number().positive().max(5000) })
    .nullable(),
  /** Show the system dialog even when this machine prints silently (打印… rather than 打印). */
  dialog: z.boolean().default(false),
});

export interface DesktopPrintingDeps {
  settingsFile: string;
  /** The window a print dialog belongs to. */
  parent: () => BrowserWindow | null;
  log(text: string): void;
}

export function printSettingsFile(userDataFolder: string): string {
  return path.join(userDataFolder, 'printing.json');
}

const defaults: DesktopPrintSettings = { printer: null, silent: false, copies: 1, calibrations: {} };

export function readPrintSettings(file: string): DesktopPrintSettings {
  try {
    const parsed = desktopPrintSettingsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : defaults;
  } catch {
    return defaults;
  }
}

function writePrintSettings(file: string, settings: DesktopPrintSettings): void {
  // Written beside and renamed over: a crash mid-write never leaves half a settings file.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(settings, null, 2));
  fs.renameSync(temporary, file);
}

/** Millimetres to the microns Chromium's print settings take. */
const microns = (mm: number) => Math.round(mm * 1000);

/** What `webContents.print` is asked for: the machine's printer and copies, the PDF's own paper, no margins. */
export function printOptions(
  settings: DesktopPrintSettings,
  paperMm: { width: number; height: number } | null,
  showDialog: boolean,
): WebContentsPrintOptions {
  return {
    silent: settings.silent && !showDialog,
    ...(settings.printer ? { deviceName: settings.printer } : {}),
    copies: settings.copies,
    printBackground: true,
    // The PDF's pages carry their own margins: the printer adds none, and nothing is scaled to fit.
    margins: { marginType: 'none' },
    scaleFactor: 100,
    ...(paperMm ? { pageSize: { width: microns(paperMm.width), height: microns(paperMm.height) } } : {}),
    landscape: false,
  };
}

/** Chromium's failure reasons, as the keeper reads them. */
function failureText(reason: string): string {
  if (reason === 'Print job canceled' || reason === 'cancelled') return '已取消打印。';
  if (reason === 'Invalid deviceName provided' || reason === 'Invalid printer settings')
    return '找不到设定的打印机，请在【打印设置】里重新选择。';
  return `打印失败：${reason}`;
}

/**
 * Prints a PDF: written to a file of its own in the temporary folder, opened in a hidden window with
 * Chromium's PDF viewer, printed, and the window and file removed whatever happens.
 */
export async function printPdf(
  deps: DesktopPrintingDeps,
  input: z.output<typeof printPdfInput>,
): Promise<{ printed: true; printer: string | null; copies: number }> {
  const settings = readPrintSettings(deps.settingsFile);
  const file = path.join(os.tmpdir(), `branch-ledger-print-${randomUUID()}.pdf`);
  fs.writeFileSync(file, Buffer.from(input.contentBase64, 'base64'));
  const window = new BrowserWindow({
    show: false,
    ...(deps.parent() ? { parent: deps.parent()! } : {}),
    webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  try {
    await window.loadFile(file);
    const outcome = await new Promise<{ success: boolean; reason: string }>((resolve) =>
      window.webContents.print(printOptions(settings, input.paperMm, input.dialog), (success, reason) =>
        resolve({ success, reason }),
      ),
    );
    if (!outcome.success) throw new Error(failureText(outcome.reason));
    deps.log(`打印：${settings.printer ?? '默认打印机'}，${settings.copies} 份`);
    return { printed: true, printer: settings.printer, copies: settings.copies };
  } finally {
    if (!window.isDestroyed()) window.destroy();
    fs.rmSync(file, { force: true });
  }
}

/** The printers this machine has, the default marked, as the OS lists them. */
async function listPrinters(deps: DesktopPrintingDeps): Promise<DesktopPrinter[]> {
  const window = deps.parent();
  if (!window) return [];
  const printers = await window.webContents.getPrintersAsync();
  return printers.map((printer) => ({
    name: printer.name,
    displayName: printer.displayName || printer.name,
    isDefault: (printer as { isDefault?: boolean }).isDefault === true,
  }));
}

/** The methods main answers itself: the renderer reaches them through the one `call`, as the engine's. */
export const desktopMethodPrefix = 'desktop.';

const failure = (message: string): ApiResponse => ({ ok: false, error: { code: 'VALIDATION', message } });

/** Answers a `desktop.*` request (its caller already known to be signed in). */
export async function answerDesktopCall(
  deps: DesktopPrintingDeps,
  request: ApiRequest,
): Promise<ApiResponse> {
  try {
    switch (request.method) {
      case 'desktop.printing': {
        const [printers, settings] = [await listPrinters(deps), readPrintSettings(deps.settingsFile)];
        return { ok: true, result: { printers, settings } };
      }
      case 'desktop.printing.save': {
        const parsed = desktopPrintSettingsSchema.safeParse(request.input);
        if (!parsed.success) return failure(`打印设置有误：${parsed.error.issues[0]!.message}`);
        writePrintSettings(deps.settingsFile, parsed.data);
        return { ok: true, result: parsed.data };
      }
      case 'desktop.printPdf': {
        const parsed = printPdfInput.safeParse(request.input);
        if (!parsed.success) return failure(`打印请求有误：${parsed.error.issues[0]!.message}`);
        return { ok: true, result: await printPdf(deps, parsed.data) };
      }
      default:
        return { ok: false, error: { code: 'NOT_FOUND', message: `没有这个桌面功能：${request.method}` } };
    }
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: (error as Error).message } };
  }
}

/**
 * The renderer's one door, with the `desktop.*` methods answered here and every other relayed to the
 * engine. A desktop method is for a signed-in user only, as the engine would decide: it is asked.
 */
export function withDesktopMethods(engine: RendererCallRelay, deps: DesktopPrintingDeps): RendererCallRelay {
  return {
    call: async (request) => {
      if (!request.method.startsWith(desktopMethodPrefix)) return engine.call(request);
      const who = await engine.call({ method: 'auth.currentUser', input: {}, session: request.session });
      if (!who.ok) return who;
      return answerDesktopCall(deps, request);
    },
  };
}
