import { z } from 'zod';
import { calibrationSchema, noCalibration, type Calibration } from './printing-calibration';

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
  /** 套打校准 per printer, by its system name ('' for the system's default printer). */
  calibrations: z.record(z.string().max(300), calibrationSchema).default({}),
});
export type DesktopPrintSettings = z.infer<typeof desktopPrintSettingsSchema>;

/** The calibration of the printer the settings print on. */
export function calibrationOf(settings: DesktopPrintSettings): Calibration {
  return settings.calibrations[settings.printer ?? ''] ?? noCalibration;
}

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
  'desktop.printing.save': {
    input: z.input<typeof desktopPrintSettingsSchema>;
    output: DesktopPrintSettings;
  };
  'desktop.printPdf': {
    input: { contentBase64: string; paperMm: { width: number; height: number } | null; dialog?: boolean };
    output: { printed: true; printer: string | null; copies: number };
  };
}
