import { z } from 'zod';
import { previewTemplate } from '../../services/printing/print-document';
import {
  copyTemplate,
  deleteTemplate,
  exportTemplate,
  importTemplate,
  listTemplates,
  readTemplate,
  restoreTemplateVersion,
  saveTemplate,
  setDefaultTemplate,
} from '../../services/printing/print-templates';
import { documentFields } from '../../services/printing/document-printable';
import { printAppearance, updatePrintAppearance } from '../../services/printing/print-appearance';
import { printDateFormats } from '../../domain/printing/print-date';
import { paperNames, paperOf } from '../../domain/printing/paper';
import { documentTypes } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { defineMethod } from '../method';
import { byId, saveInput } from '../schemas/record-id';
import { pdfFile, templateChoice } from './print';

/** The type a template is made for; null for every type. */
const documentType = z.enum(documentTypes).nullable();

/**
 * 打印模板: the branch's templates, kept in the books with every version (print-templates.ts), edited
 * in the designer, sent between branches as files. Editing them is a setting (设置修改).
 */
export const printTemplateMethods = {
  /** 打印模板 page: the branch's templates, the shipped ones, and what a template may pick from. */
  'printTemplates.list': defineMethod({
    input: z.object({}),
    access: 'settings.edit',
    handler: (ctx) => ({
      ...listTemplates(ctx),
      fields: documentFields,
      papers: paperNames.map(paperOf),
    }),
  }),

  'printTemplates.get': defineMethod({
    input: byId,
    access: 'settings.edit',
    handler: (ctx, { id }) => readTemplate(ctx, id),
  }),

  /** A new template, or a new version of one (refused if saved by someone else since it was opened). */
  'printTemplates.save': defineMethod({
    input: saveInput({ documentType, template: z.unknown() }),
    access: 'settings.edit',
    handler: (ctx, { id, version, documentType: type, template }) =>
      saveTemplate(ctx, { documentType: type, template }, id, version),
  }),

  'printTemplates.copy': defineMethod({
    input: z.object({
      ...templateChoice,
      name: z.string().trim().min(1, '请填写模板名称').max(40, '模板名称不能超过 40 个字'),
      documentType,
    }),
    access: 'settings.edit',
    handler: (ctx, { templateId, templateKey, name, documentType: type }) =>
      copyTemplate(ctx, { templateId, templateKey }, name, type),
  }),

  'printTemplates.restore': defineMethod({
    input: z.object({
      id: z.number().int(),
      version: z.number().int().positive(),
      openedVersion: z.number().int(),
    }),
    access: 'settings.edit',
    handler: (ctx, { id, version, openedVersion }) => restoreTemplateVersion(ctx, id, version, openedVersion),
  }),

  'printTemplates.setDefault': defineMethod({
    input: z.object({ id: z.number().int(), isDefault: z.boolean() }),
    access: 'settings.edit',
    handler: (ctx, { id, isDefault }) => setDefaultTemplate(ctx, id, isDefault),
  }),

  'printTemplates.delete': defineMethod({
    input: byId,
    access: 'settings.edit',
    handler: (ctx, { id }) => {
      deleteTemplate(ctx, id);
      return { ok: true as const };
    },
  }),

  /** A template as a file to send to another branch (or, from head office, to every branch). */
  'printTemplates.export': defineMethod({
    input: byId,
    access: 'settings.edit',
    handler: (ctx, { id }) => {
      const file = exportTemplate(ctx, id);
      return { fileName: file.fileName, contentBase64: Buffer.from(file.text, 'utf8').toString('base64') };
    },
  }),

  'printTemplates.import': defineMethod({
    input: z.object({
      fileName: z.string().trim().min(1).max(200),
      contentBase64: z.string().max(2_000_000, '打印模板文件过大（应为几 KB 的 JSON）'),
    }),
    access: 'settings.edit',
    handler: (ctx, { fileName, contentBase64 }) => {
      const text = Buffer.from(contentBase64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, '');
      if (text.includes('\uFFFD')) {
        throw new LedgerError('VALIDATION', `文件【${fileName}】不是 UTF-8 文本，不是打印模板文件。`);
      }
      return importTemplate(ctx, fileName, text);
    },
  }),

  /** The designer's live preview: the template being edited, on a document or on the type's 样张. */
  'printTemplates.preview': defineMethod({
    input: z.object({
      template: z.unknown(),
      type: z.enum(documentTypes),
      number: z.string().trim().min(1).optional(),
    }),
    access: 'settings.edit',
    handler: async (ctx, { template, type, number }) =>
      pdfFile(await previewTemplate(ctx, template, type, number)),
  }),

  /** How every print looks where no template says: the date format and the branch's logo. */
  'printTemplates.appearance': defineMethod({
    input: z.object({}),
    access: 'settings.edit',
    handler: (ctx) => printAppearance(ctx),
  }),

  'printTemplates.setAppearance': defineMethod({
    input: z.object({
      dateFormat: z.enum(printDateFormats).optional(),
      /** A PNG or JPEG as base64; null takes the logo off. */
      logoBase64: z.string().max(400_000, '机构标志图片过大，请用 256 KB 以内的图片').nullable().optional(),
    }),
    access: 'settings.edit',
    handler: (ctx, change) => updatePrintAppearance(ctx, change),
  }),
};
