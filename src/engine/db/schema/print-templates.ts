import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import type { DocumentType } from '../../../shared/documents/document-types';
import { versionColumn } from './record-columns';

/**
 * 打印模板: the branch's own templates, made in the designer from a shipped one or imported from a file
 * head office sent (services/printing/print-templates.ts). The shipped templates (resources/) are not
 * rows: they are always there to print on and to copy from. `body` is the declarative layout
 * (print-template.ts); `version` counts its saves, each kept in print_template_versions.
 */
export const printTemplates = sqliteTable(
  'print_templates',
  {
    id: integer('id').primaryKey(),
    /** The template's identity across branches: importing head office's file again updates it. */
    uid: text('uid').notNull().unique(),
    name: text('name').notNull().unique(),
    /** The document type it is made for; null for every type (a 三联 slip for all of them). */
    documentType: text('document_type').$type<DocumentType>(),
    /** Its type's default: at most one per type and one for every type (the index below). */
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    body: text('body', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...versionColumn,
  },
  (table) => [
    uniqueIndex('print_templates_one_default')
      .on(sql`coalesce(${table.documentType}, '')`)
      .where(sql`${table.isDefault} = 1`),
  ],
);

/** Every saved version of a template, who saved it and when: an earlier one can be brought back. */
export const printTemplateVersions = sqliteTable(
  'print_template_versions',
  {
    templateId: integer('template_id')
      .notNull()
      .references(() => printTemplates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body', { mode: 'json' }).notNull(),
    savedAt: text('saved_at').notNull(),
    savedBy: text('saved_by').notNull(),
    /** 新建 / 修改 / 导入 / 复制 / 恢复第 N 版. */
    note: text('note').notNull(),
  },
  (table) => [primaryKey({ columns: [table.templateId, table.version] })],
);
