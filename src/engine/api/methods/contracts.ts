import { z } from 'zod';
import {
  contractRequirementKeys,
  contractRequirements,
  updateContractRequirements,
} from '../../services/contracts/contract-requirements';
import { addAttachment, attachmentContent } from '../../services/contracts/contract-attachments';
import { decideAmendment, proposeAmendment } from '../../services/contracts/contract-amendments';
import { contractExecution } from '../../services/contracts/contract-execution';
import { stepContract } from '../../services/contracts/contract-steps';
import { listContracts, readContract } from '../../services/contracts/read-contract';
import { deleteContractDraft, saveContract } from '../../services/contracts/save-contract';
import { reverseSettlement, settleRebate } from '../../services/contracts/settle-rebate';
import { recordTableReceived, signingBoard } from '../../services/contracts/signing-board';
import { signingTemplate } from '../../services/contracts/signing-template';
import { printContract } from '../../services/printing/print-contract';
import { tierRebatePolicy, updateTierRebatePolicy } from '../../services/contracts/tier-rebate-policy';
import { channelTiers } from '../../domain/master-data/channel';
import {
  contractKinds,
  contractStatuses,
  payoutKinds,
  settlementKinds,
} from '../../../shared/contracts/contract-status';
import { defineMethod } from '../method';
import { pdfFile } from './print';
import { isoDate } from '../schemas/iso-date';
import { byId, saveInput } from '../schemas/record-id';

const line = z.object({
  goodsId: z.number().int().nullable().default(null),
  categoryId: z.number().int().nullable().default(null),
  unitName: z.string().trim().min(1, '签约量要写明单位'),
  month: z.string().nullable().default(null),
  quantity: z.number().int(),
  agreedPrice: z.number().int().nullable().default(null),
});

const body = {
  periodEnd: isoDate(),
  terms: z.string().max(4000, '合同条款不能超过 4000 字').default(''),
  lines: z.array(line).max(500, '签约量不能超过 500 行'),
  // Checked by the service against rebate-terms.ts, so its messages say which term is wrong.
  rebateTerms: z.array(z.unknown()).default([]),
};

const contractFields = {
  kind: z.enum(contractKinds),
  counterpartyId: z.number().int(),
  officeId: z.number().int().nullable().default(null),
  salespersonId: z.number().int().nullable().default(null),
  periodStart: isoDate(),
  signedOn: isoDate().nullable().default(null),
  remark: z.string().max(200).default(''),
  ...body,
};

const reason = z.string().trim().max(200, '原因不能超过 200 字');

/** 年度协议 (DOMAIN.md §8): contracts, their steps, amendments, execution and rebate settlements. */
export const contractMethods = {
  'contracts.list': defineMethod({
    input: z.object({
      kind: z.enum(contractKinds).optional(),
      status: z.enum(contractStatuses).optional(),
      officeId: z.number().int().optional(),
      counterpartyId: z.number().int().optional(),
      year: z.number().int().min(2000).max(2099).optional(),
    }),
    access: 'contracts.view',
    handler: (ctx, filter) => listContracts(ctx, filter),
  }),

  'contracts.get': defineMethod({
    input: byId,
    access: 'contracts.view',
    handler: (ctx, { id }) => readContract(ctx, id),
  }),

  /** A new draft, or a new version of one (refused if someone saved it since it was opened). */
  'contracts.save': defineMethod({
    input: saveInput(contractFields),
    access: 'contracts.edit',
    handler: (ctx, { id, version, ...input }) =>
      saveContract(ctx, { ...input, rebateTerms: input.rebateTerms as never }, id, version),
  }),

  'contracts.delete': defineMethod({
    input: byId,
    access: 'contracts.edit',
    handler: (ctx, { id }) => deleteContractDraft(ctx, id),
  }),

  'contracts.submit': defineMethod({
    input: byId,
    access: 'contracts.edit',
    handler: (ctx, { id }) => stepContract(ctx, id, 'submit'),
  }),

  'contracts.withdraw': defineMethod({
    input: byId,
    access: 'contracts.edit',
    handler: (ctx, { id }) => stepContract(ctx, id, 'withdraw'),
  }),

  /** 审核: the office head has checked it against the paper contract. */
  'contracts.approve': defineMethod({
    input: byId,
    access: 'contracts.approve',
    handler: (ctx, { id }) => stepContract(ctx, id, 'approve'),
  }),

  'contracts.unapprove': defineMethod({
    input: byId,
    access: 'contracts.approve',
    handler: (ctx, { id }) => stepContract(ctx, id, 'unapprove'),
  }),

  'contracts.start': defineMethod({
    input: byId,
    access: 'contracts.approve',
    handler: (ctx, { id }) => stepContract(ctx, id, 'start'),
  }),

  'contracts.end': defineMethod({
    input: z.object({ id: z.number().int(), reason: reason.default('') }),
    access: 'contracts.approve',
    handler: (ctx, { id, reason: note }) => stepContract(ctx, id, 'end', note),
  }),

  'contracts.void': defineMethod({
    input: z.object({ id: z.number().int(), reason }),
    access: 'contracts.approve',
    handler: (ctx, { id, reason: note }) => stepContract(ctx, id, 'void', note),
  }),

  'contracts.amend': defineMethod({
    input: z.object({ id: z.number().int(), reason, ...body }),
    access: 'contracts.edit',
    handler: (ctx, { id, reason: why, ...amended }) =>
      proposeAmendment(ctx, id, why, { ...amended, rebateTerms: amended.rebateTerms as never }),
  }),

  'contracts.decideAmendment': defineMethod({
    input: z.object({ amendmentId: z.number().int(), decision: z.enum(['approve', 'void']) }),
    access: 'contracts.approve',
    handler: (ctx, { amendmentId, decision }) => decideAmendment(ctx, amendmentId, decision),
  }),

  'contracts.attach': defineMethod({
    input: z.object({
      id: z.number().int(),
      fileName: z.string().trim().min(1).max(120),
      mediaType: z.string(),
      contentBase64: z.string(),
    }),
    access: 'contracts.edit',
    handler: (ctx, { id, ...file }) => addAttachment(ctx, id, file),
  }),

  'contracts.attachment': defineMethod({
    input: z.object({ id: z.number().int(), attachmentId: z.number().int() }),
    access: 'contracts.view',
    handler: (ctx, { id, attachmentId }) => attachmentContent(ctx, id, attachmentId),
  }),

  /** 打印: the contract on its template (合同（A4）), as the paper the parties sign. */
  'contracts.print': defineMethod({
    input: byId,
    access: 'contracts.view',
    handler: async (ctx, { id }) => pdfFile(await printContract(ctx, id)),
  }),

  /** 执行情况 as of a day (today when left out). */
  'contracts.execution': defineMethod({
    input: z.object({ id: z.number().int(), asOf: isoDate().optional() }),
    access: 'contracts.view',
    handler: (ctx, { id, asOf }) => contractExecution(ctx, id, asOf),
  }),

  'contracts.settle': defineMethod({
    input: z.object({
      id: z.number().int(),
      kind: z.enum(settlementKinds),
      throughDate: isoDate(),
      businessDate: isoDate(),
      payout: z.enum(payoutKinds).default('credit'),
      goods: z
        .object({
          goodsId: z.number().int(),
          unitName: z.string().trim().min(1),
          warehouseId: z.number().int(),
        })
        .nullable()
        .default(null),
    }),
    access: 'contracts.settle',
    handler: (ctx, { id, ...request }) => settleRebate(ctx, id, request),
  }),

  'contracts.unsettle': defineMethod({
    input: z.object({ settlementId: z.number().int(), reason, businessDate: isoDate() }),
    access: 'contracts.settle',
    handler: (ctx, { settlementId, reason: why, businessDate }) =>
      reverseSettlement(ctx, settlementId, why, businessDate),
  }),

  'contracts.requirements': defineMethod({
    input: z.object({}),
    access: 'contracts.view',
    handler: (ctx) => contractRequirements(ctx),
  }),

  'contracts.setRequirements': defineMethod({
    input: z.object({
      requirements: z.partialRecord(z.enum(channelTiers), z.array(z.enum(contractRequirementKeys))),
    }),
    access: 'settings.edit',
    handler: (ctx, { requirements }) => updateContractRequirements(ctx, requirements),
  }),

  /** 标准返利政策: the terms a contract imported from a signing table starts with, per tier. */
  'contracts.rebatePolicy': defineMethod({
    input: z.object({}),
    access: 'contracts.view',
    handler: (ctx) => tierRebatePolicy(ctx),
  }),

  'contracts.setRebatePolicy': defineMethod({
    input: z.object({ policy: z.partialRecord(z.enum(channelTiers), z.array(z.unknown())) }),
    access: 'settings.edit',
    handler: (ctx, { policy }) => updateTierRebatePolicy(ctx, policy),
  }),

  /** 签约表模板 for an office's customers of one tier, as a download. */
  'contracts.signingTemplate': defineMethod({
    input: z.object({
      officeId: z.number().int(),
      year: z.number().int().min(2000).max(2099),
      tier: z.enum(channelTiers),
    }),
    access: 'contracts.view',
    handler: (ctx, input) => {
      const file = signingTemplate(ctx, input);
      return { fileName: file.fileName, contentBase64: file.content.toString('base64') };
    },
  }),

  /** 签约表进度: each office's table for the year against its deadlines. */
  'contracts.signingBoard': defineMethod({
    input: z.object({ year: z.number().int().min(2000).max(2099) }),
    access: 'contracts.view',
    handler: (ctx, { year }) => signingBoard(ctx, year),
  }),

  'contracts.tableReceived': defineMethod({
    input: z.object({
      officeId: z.number().int(),
      year: z.number().int().min(2000).max(2099),
      receivedOn: isoDate(),
    }),
    access: 'contracts.edit',
    handler: (ctx, { officeId, year, receivedOn }) => recordTableReceived(ctx, officeId, year, receivedOn),
  }),
};
