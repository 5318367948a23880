import { z } from 'zod';

/**
 * NUL and the other control characters (tab and line breaks aside): no clerk types them, a pasted or
 * crafted one cuts a name short in C code (printing, exports) and hides in lists.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text as a person types it: trimmed, without control characters; `label` names it in the message. */
export function plainText(label: string) {
  return z
    .string()
    .trim()
    .refine((text) => !controlCharacters.test(text), `${label}不能含控制字符`);
}

/** A record's code (编码): trimmed, required, no spaces inside; `label` names it in messages. */
export function recordCode(label: string, max = 30) {
  return z
    .string()
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 位`)
    .regex(/^[^\s]+$/, `${label}不能含空格`)
    .refine((text) => !controlCharacters.test(text), `${label}不能含控制字符`);
}

/** Free text, trimmed, with a length limit said in Chinese, refusing control characters. */
export function trimmedText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine((text) => !controlCharacters.test(text), `${label}不能含控制字符`);
}

/** A reference to another record by id, where none is allowed. */
export function optionalId() {
  return z
    .number()
    .int()
    .nullish()
    .transform((id) => id ?? null);
}
