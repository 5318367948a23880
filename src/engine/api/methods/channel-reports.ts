import { z } from 'zod';
import { reportKinds } from '../../../shared/channel/channel-report';
import { readReport } from '../../services/channel/read-report';
import { recordReceipt } from '../../services/channel/record-receipt';
import { reportBoard } from '../../services/channel/report-board';
import { reportTemplate } from '../../services/channel/report-template';
import { reviewReport } from '../../services/channel/review-report';
import { defineMethod } from '../method';
import { isoDate } from '../schemas/iso-date';
import { byId } from '../schemas/record-id';

/**
 * 进销存动态 (DOMAIN.md §9): the offices' channel reports — their deadline board, one report with its
 * versions, the clerk's review, and when a report reached the branch. Reports come in through the import
 * wizard (entity `channelReport`).
 */
export const channelReportMethods = {
  /** 报表进度: each office × period against its deadlines; without a range, the last period due. */
  'channelReports.board': defineMethod({
    input: z.object({ kind: z.enum(reportKinds), from: isoDate().optional(), to: isoDate().optional() }),
    access: 'channel.view',
    handler: (ctx, input) => reportBoard(ctx, input),
  }),

  'channelReports.get': defineMethod({
    input: byId,
    access: 'channel.view',
    handler: (ctx, { id }) => readReport(ctx, id),
  }),

  /** 模板: the office's contracted customers and goods for the period, opening stock filled in, as a download. */
  'channelReports.template': defineMethod({
    input: z.object({ officeId: z.number().int(), kind: z.enum(reportKinds), day: isoDate() }),
    access: 'channel.view',
    handler: (ctx, input) => {
      const file = reportTemplate(ctx, input);
      return { fileName: file.fileName, contentBase64: file.content.toString('base64') };
    },
  }),

  /** 审核: 已导入 → 已审核, with who and when. */
  'channelReports.review': defineMethod({
    input: byId,
    access: 'channel.review',
    handler: (ctx, { id }) => reviewReport(ctx, id),
  }),

  /** 收到时间 of an office's report for the period a day is in, before (or after) it is imported. */
  'channelReports.received': defineMethod({
    input: z.object({
      officeId: z.number().int(),
      kind: z.enum(reportKinds),
      day: isoDate(),
      receivedAt: z.string().trim(),
    }),
    access: 'channel.import',
    handler: (ctx, input) => recordReceipt(ctx, input),
  }),
};
