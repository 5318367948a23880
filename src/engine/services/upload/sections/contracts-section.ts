import type { RebateTerm } from '../../../../shared/contracts/rebate-terms';
import type { IdentitySection } from '../upload-section';

/**
 * 合同 as head office pays rewards from them (DOMAIN.md §8, §10): every contract past its draft — submitted,
 * in force, ended or voided — with its signed volumes, rebate terms and the settlements made under it, keyed
 * by the contract's uid. A draft is the clerk's work in progress and is not sent; one withdrawn to draft
 * after it was sent goes as removed.
 */
export const contractsSection: IdentitySection = {
  shape: 'identity',
  name: 'contracts',
  tables: ['contracts', 'contract_lines', 'contract_settlements'],
  *records({ sqlite, uids }) {
    const lines = sqlite.prepare(
      'SELECT l.goods_id AS goodsId, l.category_id AS categoryId, l.unit_name AS unitName, l.month, l.quantity, ' +
        'l.agreed_price AS agreedPrice FROM contract_lines l WHERE l.contract_id = ? ORDER BY l.line_no',
    );
    const settlements = sqlite.prepare(
      'SELECT uid, kind, through_date AS throughDate, earned, paid_before AS paidBefore, amount, payout, ' +
        'reversed, (SELECT number FROM documents WHERE id = document_id) AS documentNumber ' +
        'FROM contract_settlements WHERE contract_id = ? ORDER BY id',
    );
    const rows = sqlite
      .prepare(
        'SELECT c.id, c.uid, c.number, c.kind, c.status, c.counterparty_id AS counterpartyId, c.channel_tier AS channelTier, ' +
          'o.code AS officeCode, e.code AS salespersonCode, c.period_start AS periodStart, c.period_end AS periodEnd, ' +
          'c.signed_on AS signedOn, c.amendment_no AS amendmentNo, c.rebate_terms AS rebateTerms ' +
          'FROM contracts c LEFT JOIN offices o ON o.id = c.office_id LEFT JOIN employees e ON e.id = c.salesperson_id ' +
          "WHERE c.status <> 'draft' ORDER BY c.id",
      )
      .all() as {
      id: number;
      uid: string;
      number: string;
      kind: string;
      status: string;
      counterpartyId: number;
      channelTier: string | null;
      officeCode: string | null;
      salespersonCode: string | null;
      periodStart: string;
      periodEnd: string;
      signedOn: string | null;
      amendmentNo: number;
      rebateTerms: string;
    }[];
    for (const { id, counterpartyId, rebateTerms, ...row } of rows) {
      yield {
        ...row,
        counterpartyUid: uids.counterparty(counterpartyId),
        rebateTerms: JSON.parse(rebateTerms) as RebateTerm[],
        lines: (
          lines.all(id) as {
            goodsId: number | null;
            categoryId: number | null;
            unitName: string;
            month: string | null;
            quantity: number;
            agreedPrice: number | null;
          }[]
        ).map(({ goodsId, categoryId, ...line }) => ({
          ...line,
          goodsUid: goodsId === null ? null : uids.goods(goodsId),
          categoryUid: uids.category(categoryId),
        })),
        settlements: (settlements.all(id) as { reversed: number }[]).map((settlement) => ({
          ...settlement,
          reversed: settlement.reversed === 1,
        })),
      };
    }
  },
};
