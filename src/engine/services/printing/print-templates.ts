import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { printTemplates, printTemplateVersions } from '../../db/schema';
import { newUid } from '../../db/uid';
import { documentTypeRule, documentTypes, type DocumentType } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import { findBranchRow } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { assertUnchangedSince, lastAuditedChange } from '../records/edit-version';
import { documentFields } from './document-printable';
import { checkTemplate, parseTemplateFile, type PrintTemplate } from './print-template';
import {
  shippedTemplate,
  shippedTemplateKeys,
  shippedTemplateOf,
  templatesFor,
  type ShippedTemplateKey,
} from './shipped-templates';

/** Which template to print on: a stored one by id, a shipped one by key, or (neither) the type's default. */
export interface TemplateChoice {
  templateId?: number;
  templateKey?: ShippedTemplateKey;
}

/** One template a document may print on, as 打印预览 and the designer list them. */
export interface TemplateOption {
  templateId: number | null;
  templateKey: ShippedTemplateKey | null;
  name: string;
  isDefault: boolean;
}

type TemplateRow = typeof printTemplates.$inferSelect;

const typeLabel = (type: DocumentType | null) => (type === null ? '所有单据' : documentTypeRule(type).label);

function findTemplate(tx: LedgerTx | ServiceContext['db'], id: number): TemplateRow {
  const row = tx.select().from(printTemplates).where(eq(printTemplates.id, id)).get();
  if (!row) throw new LedgerError('NOT_FOUND', `打印模板（编号 ${id}）不存在，可能已被删除。`);
  return row;
}

/** A stored template's body, checked again: a file from a newer app, or one edited by hand, is refused here. */
function bodyOf(row: TemplateRow): PrintTemplate {
  try {
    return checkTemplate(row.body, documentFields);
  } catch (error) {
    throw new LedgerError('VALIDATION', `打印模板【${row.name}】已损坏：${(error as Error).message}`);
  }
}

/**
 * The templates a document type may print on, its default first: the branch's own made for the type
 * or for every type, then the shipped ones. The default is the branch's default for the type, else its
 * default for every type, else the shipped default.
 */
export function templateOptions(ctx: ServiceContext, type: DocumentType): TemplateOption[] {
  const stored = ctx.db
    .select()
    .from(printTemplates)
    .where(or(eq(printTemplates.documentType, type), isNull(printTemplates.documentType)))
    .orderBy(asc(printTemplates.name))
    .all();
  const defaultRow =
    stored.find((row) => row.isDefault && row.documentType === type) ??
    stored.find((row) => row.isDefault && row.documentType === null);
  const options: TemplateOption[] = [
    ...stored.map((row) => ({
      templateId: row.id,
      templateKey: null,
      name: row.name,
      isDefault: row === defaultRow,
    })),
    ...templatesFor(type).map((shipped, index) => ({
      templateId: null,
      templateKey: shipped.key,
      name: shipped.name,
      isDefault: defaultRow === undefined && index === 0,
    })),
  ];
  return [...options.filter((option) => option.isDefault), ...options.filter((option) => !option.isDefault)];
}

/** The template a document of this type prints on: the one chosen, if made for its type, or its default. */
export function resolveTemplate(
  ctx: ServiceContext,
  type: DocumentType,
  choice: TemplateChoice,
): PrintTemplate {
  if (choice.templateKey !== undefined) return shippedTemplate(type, choice.templateKey);
  if (choice.templateId !== undefined) {
    const row = findTemplate(ctx.db, choice.templateId);
    if (row.documentType !== null && row.documentType !== type) {
      throw new LedgerError(
        'VALIDATION',
        `打印模板【${row.name}】是${typeLabel(row.documentType)}的模板，不适用于${documentTypeRule(type).label}。`,
      );
    }
    return bodyOf(row);
  }
  const chosen = templateOptions(ctx, type)[0]!;
  return chosen.templateId === null
    ? shippedTemplate(type, chosen.templateKey!)
    : bodyOf(findTemplate(ctx.db, chosen.templateId));
}

/** 打印模板 page: the branch's templates (without their bodies) and the shipped ones to start from. */
export function listTemplates(ctx: ServiceContext) {
  const stored = ctx.db
    .select({
      id: printTemplates.id,
      uid: printTemplates.uid,
      name: printTemplates.name,
      documentType: printTemplates.documentType,
      isDefault: printTemplates.isDefault,
      version: printTemplates.version,
      updatedAt: printTemplates.updatedAt,
    })
    .from(printTemplates)
    .orderBy(asc(printTemplates.name))
    .all();
  const shipped = shippedTemplateKeys.map((key) => {
    const { template, types } = shippedTemplateOf(key);
    return { key, name: template.name, types, template };
  });
  return { stored, shipped };
}

/** One template to edit: its body and every version saved, newest first. */
export function readTemplate(ctx: ServiceContext, id: number) {
  const row = findTemplate(ctx.db, id);
  const versions = ctx.db
    .select({
      version: printTemplateVersions.version,
      savedAt: printTemplateVersions.savedAt,
      savedBy: printTemplateVersions.savedBy,
      note: printTemplateVersions.note,
    })
    .from(printTemplateVersions)
    .where(eq(printTemplateVersions.templateId, id))
    .orderBy(desc(printTemplateVersions.version))
    .all();
  return {
    id: row.id,
    uid: row.uid,
    name: row.name,
    documentType: row.documentType,
    isDefault: row.isDefault,
    version: row.version,
    template: row.body as PrintTemplate,
    versions,
  };
}

export type StoredTemplate = ReturnType<typeof readTemplate>;

interface TemplateWrite {
  template: unknown;
  documentType: DocumentType | null;
}

/** Writes a new version of a template (or its first), kept in its history with who, when and why. */
function writeVersion(
  tx: LedgerTx,
  ctx: ServiceContext,
  input: TemplateWrite,
  target: { id: number; version: number } | { uid: string },
  note: string,
): number {
  const template = checkTemplate(input.template, documentFields);
  const now = ctx.clock.now().toISOString();
  const sameName = tx
    .select({ id: printTemplates.id })
    .from(printTemplates)
    .where(eq(printTemplates.name, template.name))
    .get();
  if (sameName && !('id' in target && sameName.id === target.id)) {
    throw new LedgerError('CONFLICT', `已有名为【${template.name}】的打印模板，请换一个名称。`, {
      fields: { name: '名称已被使用' },
    });
  }
  let id: number;
  let version: number;
  if ('id' in target) {
    ({ id } = target);
    version = target.version + 1;
    tx.update(printTemplates)
      .set({
        name: template.name,
        documentType: input.documentType,
        // A default moved to a type that has its own default stops being one: never two.
        isDefault: findTemplate(tx, id).isDefault && !defaultHolder(tx, input.documentType, id),
        body: template,
        updatedAt: now,
        version,
      })
      .where(eq(printTemplates.id, id))
      .run();
  } else {
    version = 1;
    id = tx
      .insert(printTemplates)
      .values({
        uid: target.uid,
        name: template.name,
        documentType: input.documentType,
        body: template,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: printTemplates.id })
      .get().id;
  }
  tx.insert(printTemplateVersions)
    .values({ templateId: id, version, body: template, savedAt: now, savedBy: ctx.actor.displayName, note })
    .run();
  return id;
}

/** Whether another template than `id` is the default for this type (null: for every type). */
function defaultHolder(tx: LedgerTx, documentType: DocumentType | null, id: number): boolean {
  const holder = tx
    .select({ id: printTemplates.id })
    .from(printTemplates)
    .where(and(eq(printTemplates.isDefault, true), sameType(documentType)))
    .get();
  return holder !== undefined && holder.id !== id;
}

const sameType = (documentType: DocumentType | null) =>
  documentType === null ? isNull(printTemplates.documentType) : eq(printTemplates.documentType, documentType);

const audited = (template: PrintTemplate | unknown) => ({ template });

/**
 * Creates a template (no id) or saves a new version of one, refused if someone saved it since it was
 * opened. The body is checked as every template is (print-template.ts) before anything is written.
 */
export function saveTemplate(
  ctx: ServiceContext,
  input: TemplateWrite,
  id: number | null,
  openedVersion?: number,
): StoredTemplate {
  return ctx.db.transaction((tx) => {
    if (id === null) {
      const created = writeVersion(tx, ctx, input, { uid: newUid() }, '新建');
      const row = findTemplate(tx, created);
      recordAudit(tx, ctx, {
        action: 'printTemplates.create',
        entity: 'print_templates',
        entityKey: row.uid,
        after: audited(row.body),
      });
      return readTemplate(ctx, created);
    }
    const existing = findTemplate(tx, id);
    assertUnchangedSince(
      ctx,
      { label: `打印模板【${existing.name}】`, version: existing.version },
      openedVersion,
      () => lastAuditedChange(tx, 'print_templates', existing.uid),
    );
    writeVersion(tx, ctx, input, existing, '修改');
    recordAudit(tx, ctx, {
      action: 'printTemplates.update',
      entity: 'print_templates',
      entityKey: existing.uid,
      before: audited(existing.body),
      after: audited(findTemplate(tx, id).body),
    });
    return readTemplate(ctx, id);
  });
}

/** 复制: a new template from a shipped one or one of the branch's, under a new name. */
export function copyTemplate(
  ctx: ServiceContext,
  source: TemplateChoice,
  name: string,
  documentType: DocumentType | null,
): StoredTemplate {
  const body =
    source.templateKey !== undefined
      ? shippedTemplateOf(source.templateKey).template
      : source.templateId !== undefined
        ? bodyOf(findTemplate(ctx.db, source.templateId))
        : null;
  if (body === null) throw new LedgerError('VALIDATION', '请选择要复制的模板。');
  return ctx.db.transaction((tx) => {
    const id = writeVersion(
      tx,
      ctx,
      { template: { ...body, name }, documentType },
      { uid: newUid() },
      '复制',
    );
    const row = findTemplate(tx, id);
    recordAudit(tx, ctx, {
      action: 'printTemplates.copy',
      entity: 'print_templates',
      entityKey: row.uid,
      after: audited(row.body),
      detail: `复制自【${body.name}】`,
    });
    return readTemplate(ctx, id);
  });
}

/** Brings an earlier version back, as a new version (the history keeps every one). */
export function restoreTemplateVersion(
  ctx: ServiceContext,
  id: number,
  version: number,
  openedVersion: number,
): StoredTemplate {
  return ctx.db.transaction((tx) => {
    const existing = findTemplate(tx, id);
    assertUnchangedSince(
      ctx,
      { label: `打印模板【${existing.name}】`, version: existing.version },
      openedVersion,
      () => lastAuditedChange(tx, 'print_templates', existing.uid),
    );
    const old = tx
      .select({ body: printTemplateVersions.body })
      .from(printTemplateVersions)
      .where(and(eq(printTemplateVersions.templateId, id), eq(printTemplateVersions.version, version)))
      .get();
    if (!old) throw new LedgerError('NOT_FOUND', `打印模板【${existing.name}】没有第 ${version} 版。`);
    writeVersion(
      tx,
      ctx,
      { template: old.body, documentType: existing.documentType },
      existing,
      `恢复第 ${version} 版`,
    );
    recordAudit(tx, ctx, {
      action: 'printTemplates.update',
      entity: 'print_templates',
      entityKey: existing.uid,
      before: audited(existing.body),
      after: audited(old.body),
      detail: `恢复第 ${version} 版`,
    });
    return readTemplate(ctx, id);
  });
}

/**
 * 设为默认 (or no longer): the template its type prints on when none is chosen. The type's former
 * default stops being one in the same transaction, so there is never two.
 */
export function setDefaultTemplate(ctx: ServiceContext, id: number, isDefault: boolean): StoredTemplate {
  return ctx.db.transaction((tx) => {
    const row = findTemplate(tx, id);
    if (isDefault) {
      tx.update(printTemplates)
        .set({ isDefault: false })
        .where(and(eq(printTemplates.isDefault, true), sameType(row.documentType)))
        .run();
    }
    tx.update(printTemplates).set({ isDefault }).where(eq(printTemplates.id, id)).run();
    recordAudit(tx, ctx, {
      action: 'printTemplates.default',
      entity: 'print_templates',
      entityKey: row.uid,
      detail: `${isDefault ? '设为' : '不再作为'}${typeLabel(row.documentType)}的默认打印模板`,
    });
    return readTemplate(ctx, id);
  });
}

/** Removes a template and its history; documents of its type then print on the next default. */
export function deleteTemplate(ctx: ServiceContext, id: number): void {
  ctx.db.transaction((tx) => {
    const row = findTemplate(tx, id);
    tx.delete(printTemplates).where(eq(printTemplates.id, id)).run();
    recordAudit(tx, ctx, {
      action: 'printTemplates.delete',
      entity: 'print_templates',
      entityKey: row.uid,
      before: audited(row.body),
    });
  });
}

/** What a template file says it is: head office's tool and this app write the same. */
const fileFormat = 'branch-ledger/print-template';

/**
 * A template as a file to send: its identity (so that importing it again, at any branch, updates the
 * same template), the type it is made for, and the body.
 */
export function exportTemplate(ctx: ServiceContext, id: number): { fileName: string; text: string } {
  const row = findTemplate(ctx.db, id);
  const file = {
    format: fileFormat,
    formatVersion: 1,
    uid: row.uid,
    documentType: row.documentType,
    version: row.version,
    exportedAt: ctx.clock.now().toISOString(),
    exportedBy: findBranchRow(ctx.db)?.name ?? '',
    template: row.body,
  };
  return { fileName: `打印模板-${row.name}.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}

/**
 * A template file in: a syntax error is refused with its line, a body that does not check with where.
 * The same template again (by its uid) becomes its next version; a new one is added. A bare template
 * body (written by hand, without the file's envelope) is a new template for every type.
 */
export function importTemplate(
  ctx: ServiceContext,
  fileName: string,
  text: string,
): StoredTemplate & { outcome: 'created' | 'updated' | 'unchanged' } {
  const parsed = parseTemplateFile(text, fileName);
  const envelope =
    typeof parsed === 'object' && parsed !== null && 'format' in parsed
      ? (parsed as { format: unknown; uid?: unknown; documentType?: unknown; template?: unknown })
      : null;
  if (envelope && envelope.format !== fileFormat) {
    throw new LedgerError('VALIDATION', `文件【${fileName}】不是打印模板文件（format 应为 ${fileFormat}）。`);
  }
  const uid = typeof envelope?.uid === 'string' && envelope.uid.length > 0 ? envelope.uid : newUid();
  const documentType = (envelope?.documentType ?? null) as DocumentType | null;
  if (documentType !== null && !(documentTypes as readonly unknown[]).includes(documentType)) {
    throw new LedgerError(
      'VALIDATION',
      `打印模板文件【${fileName}】的单据类型【${String(documentType)}】无法识别。`,
    );
  }
  const input = { template: envelope ? envelope.template : parsed, documentType };
  return ctx.db.transaction((tx) => {
    const existing = tx.select().from(printTemplates).where(eq(printTemplates.uid, uid)).get();
    const template = checkTemplate(input.template, documentFields);
    if (existing && JSON.stringify(existing.body) === JSON.stringify(template)) {
      return { ...readTemplate(ctx, existing.id), outcome: 'unchanged' as const };
    }
    const id = writeVersion(tx, ctx, input, existing ?? { uid }, `从文件【${fileName}】导入`);
    recordAudit(tx, ctx, {
      action: 'printTemplates.import',
      entity: 'print_templates',
      entityKey: uid,
      before: existing ? audited(existing.body) : null,
      after: audited(template),
      detail: fileName,
    });
    return { ...readTemplate(ctx, id), outcome: existing ? ('updated' as const) : ('created' as const) };
  });
}
