import { z } from 'zod';
import { entitySpecs } from '../../domain/master-data/entity-specs';
import { importErrorReport } from '../../services/import/error-report';
import { commitImportFile } from '../../services/import/import-commit';
import { listImportLogs } from '../../services/import/import-log';
import type { ImportRequest } from '../../services/import/import-plan';
import { previewImport } from '../../services/import/import-preview';
import { importTemplate } from '../../services/import/import-template';
import { readImportFile } from '../../services/import/read-import-file';
import { defineMethod } from '../method';
import { importEntitySchema, importFileSchema } from '../schemas/import';

function toRequest(input: z.output<typeof importFileSchema>): ImportRequest {
  const { contentBase64, ...rest } = input;
  return { ...rest, content: Buffer.from(contentBase64, 'base64') };
}

function asDownload(file: { fileName: string; content: Buffer }) {
  return { fileName: file.fileName, contentBase64: file.content.toString('base64') };
}

/** The import wizard: template, preview, commit, and the log with its error reports. */
export const importMethods = {
  /** What the import would do with the file, row by row, without writing anything. */
  'import.preview': defineMethod({
    input: importFileSchema,
    access: 'masterData.import',
    handler: async (ctx, input) =>
      previewImport(ctx, await readImportFile(ctx.env.importWorker, toRequest(input))),
  }),

  /** All rows or none (or only the valid ones, when chosen), written in bounded batches; always logged. */
  'import.commit': defineMethod({
    input: importFileSchema,
    access: 'masterData.import',
    handler: (ctx, input) =>
      ctx.gate.alongside(`正在导入【${input.fileName}】`, () =>
        commitImportFile(ctx, toRequest(input), ctx.env.importWorker, ctx.env.importPacing),
      ),
  }),

  /** The entity's columns with their labels, for choosing what a file's column means. */
  'import.fields': defineMethod({
    input: z.object({ entity: importEntitySchema }),
    access: 'masterData.import',
    handler: (_ctx, { entity }) =>
      entitySpecs[entity].fields.map((field) => ({
        key: field.key,
        label: field.label,
        required: field.required ?? false,
      })),
  }),

  'import.template': defineMethod({
    input: z.object({ entity: importEntitySchema }),
    access: 'masterData.import',
    handler: (_ctx, { entity }) => asDownload(importTemplate(entity)),
  }),

  'import.logs': defineMethod({
    input: z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    access: 'masterData.import',
    handler: (ctx, query) => listImportLogs(ctx.db, query),
  }),

  /** The refused rows of an import as they were in the file, with an 错误 column. */
  'import.errorReport': defineMethod({
    input: z.object({ logId: z.number().int() }),
    access: 'masterData.import',
    handler: (ctx, { logId }) => asDownload(importErrorReport(ctx.db, logId)),
  }),
};
