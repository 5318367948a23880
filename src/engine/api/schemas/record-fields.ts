import { z } from 'zod';

/** A record's code (编码): trimmed, required, no spaces inside; `label` names it in messages. */
export function recordCode(label: string, max = 30) {
  return z
    .string()
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 位`)
    .regex(/^[^\s]+$/, `${label}不能含空格`);
}

/** Free text, trimmed, with a length limit said in Chinese. */
export function trimmedText(label: string, max: number) {
  return z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
}

/** A reference to another record by id, where none is allowed. */
export function optionalId() {
  return z
    .number()
    .int()
    .nullish()
    .transform((id) => id ?? null);
}
