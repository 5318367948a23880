import { z } from 'zod';
import { moneySides } from '../../../shared/documents/document-types';
import { fenScale } from '../../../shared/numbers/scales';
import { assertReachesCounterparty } from '../../services/access/customer-scope';
import { creditPosition } from '../../services/money/credit-position';
import { assertIndependent } from '../../services/money/independent-accounting';
import { internalAccounts } from '../../services/money/internal-accounts';
import { moneyBalances, openItemList, settlementList } from '../../services/money/open-item-list';
import { reverseSettlement, settleAutomatically, settleByHand } from '../../services/money/settlement';
import { moneyText } from '../../services/reports/report-figures';
import { defineMethod } from '../method';
import { optionalScaledDecimal } from '../schemas/scaled-decimal';
import { searchText } from '../schemas/search-text';

const side = z.enum(moneySides);
const id = z.number().int().positive();
const choice = z.object({
  itemId: id,
  /** Yuan; all that is open when left out. */
  amount: optionalScaledDecimal(fenScale, '核销金额', { min: 0 }).transform((fen) => fen ?? undefined),
});

/** 往来 (DOMAIN.md §7): balances, open items, 核销 and its reversal, the credit position. */
export const moneyMethods = {
  'money.balances': defineMethod({
    input: z.object({ side, search: searchText().optional() }),
    access: 'money.view',
    handler: (ctx, input) => {
      assertIndependent(ctx);
      return moneyBalances(ctx.db.$client, ctx.actor, input);
    },
  }),

  'money.openItems': defineMethod({
    input: z.object({ counterpartyId: id, side, includeSettled: z.boolean().optional() }),
    access: 'money.view',
    handler: (ctx, input) => {
      assertIndependent(ctx);
      return openItemList(ctx.db.$client, ctx.actor, input);
    },
  }),

  'money.settlements': defineMethod({
    input: z.object({ counterpartyId: id, side }),
    access: 'money.view',
    handler: (ctx, input) => {
      assertIndependent(ctx);
      return settlementList(ctx.db.$client, ctx.actor, input);
    },
  }),

  /** 手工核销: documents or goods lines against money or returns, in full or in part. */
  'money.settle': defineMethod({
    input: z.object({ debits: z.array(choice).min(1).max(500), credits: z.array(choice).min(1).max(500) }),
    access: 'money.settle',
    handler: (ctx, input) => settleByHand(ctx, input),
  }),

  /** 自动核销, oldest first, for one counterparty or all. */
  'money.autoSettle': defineMethod({
    input: z.object({ side, counterpartyId: id.optional() }),
    access: 'money.settle',
    handler: (ctx, input) => settleAutomatically(ctx, input),
  }),

  'money.reverseSettlement': defineMethod({
    input: z.object({ batchUid: z.string().min(1).max(64) }),
    access: 'money.settle',
    handler: (ctx, { batchUid }) => reverseSettlement(ctx, batchUid),
  }),

  /** 内部往来: the balance with each internal unit. */
  'money.internalAccounts': defineMethod({
    input: z.object({}),
    access: 'money.view',
    handler: (ctx) => {
      assertIndependent(ctx);
      return internalAccounts(ctx.db.$client, ctx.actor);
    },
  }),

  /** The customer's credit for the document page: null figures on a non-independent branch. */
  'money.credit': defineMethod({
    input: z.object({ counterpartyId: id }),
    access: 'documents.view',
    handler: (ctx, { counterpartyId }) => {
      // The credit position is the engine's own check on every sale; read by hand, it keeps to the scope.
      assertReachesCounterparty(ctx.db, ctx.actor, counterpartyId);
      const position = creditPosition(ctx.db.$client, counterpartyId);
      const text = (fen: number | null) => (fen === null ? null : moneyText(fen));
      return {
        limit: text(position.limit),
        receivable: moneyText(position.receivable),
        openOrders: moneyText(position.openOrders),
        available: text(position.available),
      };
    },
  }),
};
