import { z } from 'zod';
import { exportColumns, exportList } from '../../services/export/export-list';
import { defineMethod } from '../method';
import { exportEntitySchema, exportListSchema } from '../schemas/export';

/** Any list to .xlsx, as the clerk sees it. */
export const exportMethods = {
  'export.list': defineMethod({
    input: exportListSchema,
    access: 'masterData.export',
    handler: (ctx, request) => {
      const file = exportList(ctx, request);
      return { fileName: file.fileName, contentBase64: file.content.toString('base64'), rows: file.rows };
    },
  }),

  /** The columns the list can be exported with, for the column chooser. */
  'export.columns': defineMethod({
    input: z.object({ entity: exportEntitySchema }),
    access: 'masterData.view',
    handler: (_ctx, { entity }) => exportColumns(entity),
  }),
};
