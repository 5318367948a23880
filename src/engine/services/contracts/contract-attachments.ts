import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { contractAttachments } from '../../db/schema';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { findContractInReach } from './save-contract';

/** A scanned contract is a few pages: more than this is a mistake, not a contract. */
export const attachmentLimitBytes = 10 * 1024 * 1024;

const acceptedTypes = ['application/pdf', 'image/jpeg', 'image/png'];

/** 合同扫描件: kept in the books with its SHA-256, so a copy shown later can be checked against it. */
export function addAttachment(
  ctx: ServiceContext,
  contractId: number,
  file: { fileName: string; mediaType: string; contentBase64: string },
): { id: number; sha256: string } {
  const content = Buffer.from(file.contentBase64, 'base64');
  if (!acceptedTypes.includes(file.mediaType)) {
    throw new LedgerError('VALIDATION', `合同扫描件“${file.fileName}”应为 PDF、JPEG 或 PNG。`);
  }
  if (content.length === 0) throw new LedgerError('VALIDATION', `合同扫描件“${file.fileName}”是空文件。`);
  if (content.length > attachmentLimitBytes) {
    throw new LedgerError('VALIDATION', `合同扫描件“${file.fileName}”超过 10 MB，请压缩后再上传。`);
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  return ctx.db.transaction((tx) => {
    const contract = findContractInReach(tx, ctx.actor, contractId);
    const created = tx
      .insert(contractAttachments)
      .values({
        contractId,
        fileName: file.fileName,
        mediaType: file.mediaType,
        byteSize: content.length,
        sha256,
        content,
        addedByName: ctx.actor.displayName,
        addedAt: ctx.clock.now().toISOString(),
      })
      .returning({ id: contractAttachments.id })
      .get();
    recordAudit(tx, ctx, {
      action: 'contracts.attach',
      entity: 'contract',
      entityKey: contract.number,
      after: { fileName: file.fileName, sha256 },
    });
    return { id: created.id, sha256 };
  });
}

export function attachmentContent(ctx: ServiceContext, contractId: number, id: number) {
  findContractInReach(ctx.db, ctx.actor, contractId);
  const row = ctx.db
    .select()
    .from(contractAttachments)
    .where(and(eq(contractAttachments.id, id), eq(contractAttachments.contractId, contractId)))
    .get();
  if (!row) throw new LedgerError('NOT_FOUND', `合同扫描件（编号 ${id}）不存在。`);
  return {
    fileName: row.fileName,
    mediaType: row.mediaType,
    sha256: row.sha256,
    contentBase64: row.content.toString('base64'),
  };
}
