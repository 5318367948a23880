import { add } from '../../../../shared/numbers/integer-math';
import { contractRebates } from '../../contracts/contract-rebates';
import { UnitConverter } from '../../contracts/contract-shipments';
import { distinctTargets, targetKey } from '../../contracts/contract-targets';
import type { ContractRow } from '../../contracts/save-contract';
import type { PeriodSection } from '../upload-section';

/**
 * 合同执行 per period (DOMAIN.md §10 "contract execution"): for every contract in force during the period, its
 * net shipments to the period's end (or the contract's, if sooner) and within the period, per goods or
 * category in the signed unit, with what it has earned and what the settlements up to that date paid — the figures head
 * office's reward payments are checked against. Read as the contract's own execution page reads them.
 */
export const contractExecutionSection: PeriodSection = {
  shape: 'period',
  name: 'contract_execution',
  write({ sqlite, profile, uids }, period, out) {
    const scale = 10 ** profile.quantityDecimals;
    const rows = sqlite
      .prepare(
        "SELECT * FROM contracts WHERE status IN ('approved', 'executing', 'ended') AND period_start <= ? AND period_end >= ? ORDER BY id",
      )
      .all(period.to, period.from) as Record<string, unknown>[];
    const units = new UnitConverter(sqlite);
    for (const raw of rows) {
      const contract = {
        id: raw.id as number,
        uid: raw.uid as string,
        number: raw.number as string,
        kind: raw.kind as ContractRow['kind'],
        counterpartyId: raw.counterparty_id as number,
        periodStart: raw.period_start as string,
        periodEnd: raw.period_end as string,
        rebateTerms: JSON.parse(raw.rebate_terms as string) as ContractRow['rebateTerms'],
      };
      const through = period.to < contract.periodEnd ? period.to : contract.periodEnd;
      const outcome = contractRebates(sqlite, contract, through, through, scale);
      const lines = distinctTargets(outcome.lines).map((target) => {
        let toDate = 0;
        let inPeriod = 0;
        for (const shipment of outcome.shipments) {
          if (shipment.targetId !== target.id) continue;
          const quantity = units.toUnit(shipment.goodsId, target.unitName, shipment.baseQuantity);
          toDate = add(toDate, quantity);
          if (shipment.businessDate >= period.from) inPeriod = add(inPeriod, quantity);
        }
        const signed = outcome.lines
          .filter((line) => targetKey(line) === targetKey(target))
          .reduce((sum, line) => add(sum, line.quantity), 0);
        return {
          goodsUid: target.goodsId === null ? null : uids.goods(target.goodsId),
          categoryUid: uids.category(target.categoryId),
          unitName: target.unitName,
          signed,
          shippedToDate: toDate,
          shippedInPeriod: inPeriod,
        };
      });
      out.row({
        contractUid: contract.uid,
        number: contract.number,
        kind: contract.kind,
        counterpartyUid: uids.counterparty(contract.counterpartyId),
        throughDate: through,
        netAmount: outcome.shipments.reduce((sum, shipment) => add(sum, shipment.amount), 0),
        earned: outcome.earned,
        // What settlements in force covering shipments to this date paid: a period's figure stays its own.
        paid: (
          sqlite
            .prepare(
              'SELECT coalesce(sum(amount), 0) AS paid FROM contract_settlements WHERE contract_id = ? AND reversed = 0 AND through_date <= ?',
            )
            .get(contract.id, through) as { paid: number }
        ).paid,
        lines,
      });
    }
  },
};
