import type Database from 'better-sqlite3';
import { asc, desc, eq } from 'drizzle-orm';
import { prepared } from '../../db/prepared';
import {
  contractAmendments,
  contractAttachments,
  contractEvents,
  contractSettlements,
} from '../../db/schema';
import { channelTierLabels } from '../../domain/master-data/channel';
import {
  contractActionLabels,
  contractKindLabels,
  contractStatusLabels,
  type ContractKind,
  type ContractStatus,
} from '../../../shared/contracts/contract-status';
import { costFigures } from '../access/cost-figures';
import { counterpartyInReach } from '../access/customer-scope';
import type { ServiceContext } from '../context';
import { readContractLines } from './contract-targets';
import { findContractInReach } from './save-contract';

/** Names of the parties a contract points at, for pages and prints. */
function names(
  sqlite: Database.Database,
  row: { counterpartyId: number; officeId: number | null; salespersonId: number | null },
) {
  const party = prepared(sqlite, 'SELECT code, name FROM counterparties WHERE id = ?').get(
    row.counterpartyId,
  ) as {
    code: string;
    name: string;
  };
  const office = row.officeId
    ? (prepared(sqlite, 'SELECT name FROM offices WHERE id = ?').get(row.officeId) as { name: string }).name
    : null;
  const salesperson = row.salespersonId
    ? (prepared(sqlite, 'SELECT name FROM employees WHERE id = ?').get(row.salespersonId) as { name: string })
        .name
    : null;
  return {
    counterpartyCode: party.code,
    counterpartyName: party.name,
    officeName: office,
    salespersonName: salesperson,
  };
}

/** A contract as its page shows it: header, signed volumes, steps, amendments, attachments, settlements. */
export function readContract(ctx: ServiceContext, id: number) {
  const sqlite = ctx.db.$client;
  const row = findContractInReach(ctx.db, ctx.actor, id);
  return {
    ...row,
    ...names(sqlite, row),
    kindLabel: contractKindLabels[row.kind],
    statusLabel: contractStatusLabels[row.status],
    channelTierLabel: row.channelTier ? channelTierLabels[row.channelTier] : null,
    // A purchase contract's agreed prices are purchase prices: cost figures (cost-figures.ts).
    lines: readContractLines(sqlite, id).map((line) =>
      row.kind === 'purchase' ? costFigures(ctx.actor, line, ['agreedPrice']) : line,
    ),
    events: ctx.db
      .select()
      .from(contractEvents)
      .where(eq(contractEvents.contractId, id))
      .orderBy(asc(contractEvents.id))
      .all()
      .map((event) => ({ ...event, actionLabel: contractActionLabels[event.action] })),
    amendments: ctx.db
      .select({
        id: contractAmendments.id,
        amendmentNo: contractAmendments.amendmentNo,
        reason: contractAmendments.reason,
        status: contractAmendments.status,
        body: contractAmendments.body,
        createdByName: contractAmendments.createdByName,
        createdAt: contractAmendments.createdAt,
        approvedByName: contractAmendments.approvedByName,
        approvedAt: contractAmendments.approvedAt,
      })
      .from(contractAmendments)
      .where(eq(contractAmendments.contractId, id))
      .orderBy(asc(contractAmendments.amendmentNo))
      .all(),
    attachments: ctx.db
      .select({
        id: contractAttachments.id,
        fileName: contractAttachments.fileName,
        mediaType: contractAttachments.mediaType,
        byteSize: contractAttachments.byteSize,
        sha256: contractAttachments.sha256,
        addedByName: contractAttachments.addedByName,
        addedAt: contractAttachments.addedAt,
      })
      .from(contractAttachments)
      .where(eq(contractAttachments.contractId, id))
      .all(),
    settlements: ctx.db
      .select()
      .from(contractSettlements)
      .where(eq(contractSettlements.contractId, id))
      .orderBy(desc(contractSettlements.id))
      .all()
      .map((settlement) => ({
        ...settlement,
        documentNumber: settlement.documentId
          ? (
              prepared(sqlite, 'SELECT number FROM documents WHERE id = ?').get(settlement.documentId) as {
                number: string;
              }
            ).number
          : null,
      })),
  };
}

export type ContractView = ReturnType<typeof readContract>;

export interface ContractFilter {
  kind?: ContractKind;
  status?: ContractStatus;
  officeId?: number;
  counterpartyId?: number;
  /** Contracts in force on some day of this year. */
  year?: number;
}

/** 合同列表: newest period first, with the names a list shows. */
export function listContracts(ctx: ServiceContext, filter: ContractFilter) {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const equal = (column: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  equal('c.kind', filter.kind);
  equal('c.status', filter.status);
  equal('c.office_id', filter.officeId);
  equal('c.counterparty_id', filter.counterpartyId);
  where.push(counterpartyInReach(ctx.actor.customerReach, 'p'));
  if (filter.year) {
    where.push('c.period_start <= ? AND c.period_end >= ?');
    params.push(`${filter.year}-12-31`, `${filter.year}-01-01`);
  }
  const rows = ctx.db.$client
    .prepare(
      'SELECT c.id, c.number, c.kind, c.status, c.channel_tier AS channelTier, c.period_start AS periodStart, ' +
        'c.period_end AS periodEnd, c.signed_on AS signedOn, c.amendment_no AS amendmentNo, ' +
        'p.code AS counterpartyCode, p.name AS counterpartyName, o.name AS officeName, e.name AS salespersonName ' +
        'FROM contracts c JOIN counterparties p ON p.id = c.counterparty_id LEFT JOIN offices o ON o.id = c.office_id ' +
        `LEFT JOIN employees e ON e.id = c.salesperson_id WHERE ${where.join(' AND ')} ` +
        'ORDER BY c.period_start DESC, c.number',
    )
    .all(...params) as {
    id: number;
    number: string;
    kind: ContractKind;
    status: ContractStatus;
    channelTier: keyof typeof channelTierLabels | null;
    periodStart: string;
    periodEnd: string;
    signedOn: string | null;
    amendmentNo: number;
    counterpartyCode: string;
    counterpartyName: string;
    officeName: string | null;
    salespersonName: string | null;
  }[];
  return rows.map((row) => ({
    ...row,
    statusLabel: contractStatusLabels[row.status],
    channelTierLabel: row.channelTier ? channelTierLabels[row.channelTier] : null,
  }));
}
