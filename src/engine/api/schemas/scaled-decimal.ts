import { z } from 'zod';
import {
  decimalInputMessage,
  decimalInputText,
  readDecimalInput,
} from '../../../shared/numbers/decimal-input';

interface Bounds {
  min?: number;
  /** Inclusive, in the unscaled unit people type (100 for 100%). */
  max?: number;
  positive?: boolean;
}

/**
 * A tax rate in percent, for goods and document lines alike: China's VAT rates are 0% to 13%, and no
 * tax takes more than the whole amount, so 100% is the ceiling (1,000,000% was once accepted).
 */
export const taxRateBounds = { min: 0, max: 100 } as const satisfies Bounds;

/** Reads one decimal ("¥1,234.50", "9%", 38.4) into a scaled integer, or reports why not. */
function toScaled(
  value: string | number,
  scale: number,
  label: string,
  bounds: Bounds,
  context: z.RefinementCtx,
) {
  const reading = readDecimalInput(value, scale);
  if (!reading.ok) {
    context.addIssue({ code: 'custom', message: decimalInputMessage(label, String(value), reading.problem) });
    return z.NEVER;
  }
  const scaled = reading.value;
  if (bounds.positive && scaled <= 0) {
    context.addIssue({ code: 'custom', message: `${label}必须大于 0` });
    return z.NEVER;
  }
  if (bounds.min !== undefined && scaled < bounds.min) {
    context.addIssue({ code: 'custom', message: `${label}不能小于 ${bounds.min / 10 ** scale}` });
    return z.NEVER;
  }
  if (bounds.max !== undefined && scaled > bounds.max * 10 ** scale) {
    context.addIssue({ code: 'custom', message: `${label}不能大于 ${bounds.max}` });
    return z.NEVER;
  }
  return scaled;
}

/**
 * A decimal crossing the API as text ("38.40", "24", "9%") or a JSON number, arriving in the engine
 * as an exact scaled integer (src/shared/numbers/scales.ts). Money never travels as a float into a sum.
 */
export function scaledDecimal(scale: number, label: string, bounds: Bounds = {}) {
  return z
    .union([z.string(), z.number()])
    .transform((value, context) => toScaled(value, scale, label, bounds, context));
}

/**
 * A decimal whose scale only the engine knows (a quantity, by the branch's quantity decimals): read as
 * the page reads it, and passed on as plain decimal text ("1,000" → "1000") for the service to scale.
 */
export function decimalText(label: string) {
  return z.union([z.string(), z.number()]).transform((value, context) => {
    const plain = decimalInputText(String(value));
    if (plain.ok) return plain.text;
    context.addIssue({ code: 'custom', message: decimalInputMessage(label, String(value), plain.problem) });
    return z.NEVER;
  });
}

/** The same as scaledDecimal, where leaving it empty means "none". */
export function optionalScaledDecimal(scale: number, label: string, bounds: Bounds = {}) {
  return z
    .union([z.string(), z.number()])
    .nullish()
    .transform((value, context) =>
      value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
        ? null
        : toScaled(value, scale, label, bounds, context),
    );
}
