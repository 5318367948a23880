import { signingTableSpec } from '../../domain/contracts/signing-table-spec';
import { channelTierLabels, type ChannelTier } from '../../domain/master-data/channel';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import { counterpartyInReach } from '../access/customer-scope';
import { templateWorkbook } from '../import/import-template';
import { contractRequirementLabels, contractRequirements } from './contract-requirements';

/**
 * 签约表模板 for one office, year and tier (issue 14: "a template per tier to download"): the signing-table
 * columns with a row for each of the office's customers of that tier, and notes saying what that tier's
 * contract must contain, so the office fills in volumes and prices rather than retyping customers.
 */
export function signingTemplate(
  ctx: ServiceContext,
  input: { officeId: number; year: number; tier: ChannelTier },
): { fileName: string; content: Buffer } {
  const sqlite = ctx.db.$client;
  const office = sqlite
    .prepare('SELECT name FROM offices WHERE id = ? AND deleted_at IS NULL')
    .get(input.officeId) as { name: string } | undefined;
  if (!office) throw new LedgerError('NOT_FOUND', `办事处（编号 ${input.officeId}）不存在。`);
  const customers = sqlite
    .prepare(
      'SELECT p.code, p.name FROM counterparties p WHERE p.office_id = ? AND p.channel_tier = ? AND p.active = 1 ' +
        `AND p.deleted_at IS NULL AND ${counterpartyInReach(ctx.actor.customerReach, 'p')} ORDER BY p.code`,
    )
    .all(input.officeId, input.tier) as { code: string; name: string }[];
  const tierLabel = channelTierLabels[input.tier];
  const required = contractRequirements(ctx)[input.tier];
  const rows = customers.map((customer) =>
    signingTableSpec.fields.map((field) => {
      switch (field.key) {
        case 'office':
          return office.name;
        case 'year':
          return String(input.year);
        case 'customerCode':
          return customer.code;
        case 'customerName':
          return customer.name;
        case 'channelTier':
          return tierLabel;
        case 'month':
          return required.includes('monthlyVolume') ? null : '全年';
        default:
          return null;
      }
    }),
  );
  const notes = [
    `${tierLabel}合同须有：${required.map((requirement) => contractRequirementLabels[requirement]).join('、')}。`,
    '每位客户可以有多行：每个商品（或类别）、每个月一行；按全年签约时月份写“全年”。',
    '签约后 5 个工作日内报分公司；分公司收到后 3 个工作日内导入。',
  ];
  return {
    fileName: `${office.name}${input.year}年${tierLabel}签约表.xlsx`,
    content: templateWorkbook(signingTableSpec, rows, notes),
  };
}
