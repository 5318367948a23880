import { z } from 'zod';
import { numberToScaled, parseScaled } from '../../domain/numbers/decimal';

/**
 * A decimal crossing the API as text ("38.40", "24", "9%") or a JSON number, arriving in the engine
 * as an exact scaled integer (domain/numbers/scales.ts). Money never travels as a float into a sum.
 */
export function scaledDecimal(
  scale: number,
  label: string,
  options: { min?: number; positive?: boolean } = {},
) {
  return z.union([z.string(), z.number()]).transform((value, context) => {
    const text = typeof value === 'string' ? value.trim().replace(/[,，¥￥%\s]/g, '') : null;
    const scaled = text !== null ? parseScaled(text, scale) : numberToScaled(value as number, scale);
    if (scaled === null) {
      context.addIssue({ code: 'custom', message: `${label}【${String(value)}】不是有效的数字` });
      return z.NEVER;
    }
    if (options.positive && scaled <= 0) {
      context.addIssue({ code: 'custom', message: `${label}必须大于 0` });
      return z.NEVER;
    }
    if (options.min !== undefined && scaled < options.min) {
      context.addIssue({ code: 'custom', message: `${label}不能小于 ${options.min / 10 ** scale}` });
      return z.NEVER;
    }
    return scaled;
  });
}

/** The same, where leaving it empty means "none". */
export function optionalScaledDecimal(
  scale: number,
  label: string,
  options: { min?: number; positive?: boolean } = {},
) {
  return z
    .union([z.literal(''), scaledDecimal(scale, label, options)])
    .nullish()
    .transform((value) => (value === '' || value === undefined || value === null ? null : value));
}
