import { formatScaled } from '../../../shared/numbers/decimal';
import { fenScale } from '../../../shared/numbers/scales';
import { callAs, waitsForApproval, type DemoEngine } from './demo-api';
import type { DemoBranch } from './demo-master-data';
import { weekday } from './demo-calendar';
import type { SeededRandom } from './seeded-random';

/**
 * The branch's money (DOMAIN.md §7) as its accountant keeps it: every Monday the customers pay what has
 * fallen due (most in full, some in part, so aging has something to show), and on the first working
 * Monday of a month the suppliers are paid what is due; each receipt or payment is settled oldest first.
 */
export class DemoMoney {
  constructor(
    private readonly engine: DemoEngine,
    private readonly branch: DemoBranch,
    private readonly random: SeededRandom,
  ) {}

  async settleDay(date: string): Promise<number> {
    if (weekday(date) !== 1) return 0;
    let documents = await this.pay(date, 'receivable', 'customer_receipt');
    if (Number(date.slice(8, 10)) <= 7) documents += await this.pay(date, 'payable', 'supplier_payment');
    return documents;
  }

  /** What each counterparty has due on `date`, net of money it has already paid ahead. */
  private due(date: string, side: 'receivable' | 'payable') {
    return this.engine.db.$client
      .prepare(
        'SELECT counterparty_id AS id, sum(CASE WHEN amount > 0 AND due_date <= ? THEN amount - settled ELSE 0 END) + ' +
          'sum(CASE WHEN amount < 0 THEN amount - settled ELSE 0 END) AS due ' +
          'FROM open_items WHERE side = ? GROUP BY counterparty_id HAVING due > 0 ORDER BY counterparty_id',
      )
      .all(date, side) as { id: number; due: number }[];
  }

  private async pay(
    date: string,
    side: 'receivable' | 'payable',
    type: 'customer_receipt' | 'supplier_payment',
  ): Promise<number> {
    const { engine, branch } = this;
    let documents = 0;
    for (const { id, due } of this.due(date, side)) {
      // One customer in eight pays only part of what is due this week; suppliers are paid in full.
      const part = side === 'receivable' && this.random.chance(0.125) ? 0.5 + this.random.float() * 0.4 : 1;
      const amount = Math.round(due * part);
      if (amount <= 0) continue;
      const saved = await callAs(engine, branch.accountant, 'documents.save', {
        id: null,
        document: {
          type,
          businessDate: date,
          counterpartyId: id,
          remark: side === 'receivable' ? '银行转账回款' : '支付货款',
          amount: formatScaled(amount, fenScale, 2),
          lines: [],
        },
      });
      await callAs(engine, branch.accountant, 'documents.submit', { id: saved.id });
      if (await waitsForApproval(engine, branch, saved.id))
        await callAs(engine, branch.manager, 'documents.approve', { id: saved.id });
      await callAs(engine, branch.accountant, 'money.autoSettle', { side, counterpartyId: id });
      documents += 1;
    }
    return documents;
  }
}
