import { z } from 'zod';
import { entityNames, type EntityName } from '../../domain/master-data/entity-specs';
import { trimmedText } from './record-fields';

export const importEntitySchema = z.enum(entityNames as [EntityName, ...EntityName[]]);

/** The clerk's choices; each has the default the wizard starts from (services/import/import-options.ts). */
export const importOptionsSchema = z
  .object({
    existing: z.enum(['update', 'skip']).default('update'),
    validOnly: z.boolean().default(false),
    createMissing: z.boolean().default(true),
  })
  .prefault({});

/** Files up to about 48 MB: base64 adds a third, and the web server takes 64 MB per request. */
const maxBase64Length = 64 * 1024 * 1024;

/** A file as the wizard (or the CLI) hands it over, with the clerk's choices: the same for preview and commit. */
export const importFileSchema = z.object({
  entity: importEntitySchema,
  fileName: trimmedText('文件名', 255).min(1, '请提供文件名'),
  contentBase64: z
    .string()
    .min(1, '文件是空的')
    .max(maxBase64Length, '文件过大（最大约 48 MB）')
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, '文件内容不是有效的 base64'),
  /** Excel's own limit on a sheet name is 31 characters. */
  sheet: trimmedText('工作表名', 31).optional(),
  /** Field → column (0-based) or null, as edited in the preview; absent: remembered or automatic. */
  mapping: z.record(trimmedText('字段名', 60), z.number().int().min(0).max(10_000).nullable()).optional(),
  options: importOptionsSchema,
});
