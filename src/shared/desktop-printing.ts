import { z } from 'zod';

/**
 * This machine's printing, as the desktop app keeps it (electron/desktop-printing.ts): which printer,
 * how many copies, and whether 打印 goes straight to it without the system's dialog. Web mode has none
 * of it: the browser prints the same PDF.
 */
export const desktopPrintSettingsSchema = z.object({
  /** The printer by its system name; null: the system's default printer. */
  printer: z.string().min(1).max(300).nullable(),
  /** 直接打印: no dialog, to the printer above (the keeper's slips, one after another). */
  silent: z.boolean(),
  copies: z.number().int().min(1, '份数至少为 1').max(99, '份数最多为 99'),
});
export type DesktopPrintSettings = z.infer<typeof desktopPrintSettingsSchema>;

export interface DesktopPrinter {
  name: string;
  displayName: string;
  isDefault: boolean;
}

/** What the desktop's `desktop.*` methods take and give, by name (answered by main, not the engine). */
export interface DesktopMethods {
  'desktop.printing': {
    input: Record<string, never>;
    output: { printers: DesktopPrinter[]; settings: DesktopPrintSettings };
  };
  'desktop.printing.save': { input: DesktopPrintSettings; output: DesktopPrintSettings };
  'desktop.printPdf': {
    input: { contentBase64: string; paperMm: { width: number; height: number } | null; dialog?: boolean };
    output: { printed: true; printer: string | null; copies: number };
  };
}
