import { z } from 'zod';

/**
 * 套打校准 of one printer: how far, and how much larger or smaller, it puts a page on paper than the PDF
 * says. A dot-matrix printer on pin-feed forms typically lands a few millimetres off and its feed
 * stretches a long form slightly; pre-printed forms (the 三联 with the branch's boxes already on them)
 * need the figures in those boxes. The print is moved and scaled by these on the way out; the preview
 * stays the page as designed.
 */
export const calibrationSchema = z.object({
  /** Positive: the print moves right (the printer put it too far left). */
  offsetXmm: z.number().min(-30, '水平偏移不能超过 30 毫米').max(30, '水平偏移不能超过 30 毫米'),
  /** Positive: the print moves down (the printer put it too high). */
  offsetYmm: z.number().min(-30, '垂直偏移不能超过 30 毫米').max(30, '垂直偏移不能超过 30 毫米'),
  /** 1: as designed; 0.98: two per cent smaller (a feed that stretches). */
  scale: z.number().min(0.9, '缩放应在 0.9 到 1.1 之间').max(1.1, '缩放应在 0.9 到 1.1 之间'),
});
export type Calibration = z.infer<typeof calibrationSchema>;

export const noCalibration: Calibration = { offsetXmm: 0, offsetYmm: 0, scale: 1 };

export function isIdentity(calibration: Calibration): boolean {
  return calibration.offsetXmm === 0 && calibration.offsetYmm === 0 && calibration.scale === 1;
}
