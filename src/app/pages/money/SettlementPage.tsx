import { CheckOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { CounterpartyPicker } from '../../components/report/CounterpartyPicker';
import { MoneySideSwitch, sideOfCounterparty, type MoneySide } from '../../components/report/MoneySideSwitch';
import { useAddressRequest } from '../../components/report/useAddressRequest';
import { usePermission } from '../../session/usePermission';
import type { Fen } from '../../../shared/numbers/scales';
import { yuanDisplay } from '../../../shared/numbers/yuan-display';
import { toFen } from './moneyFigures';
import { choiceTotal, OpenItemsTable, type ItemChoice } from './OpenItemsTable';
import { SettlementHistory } from './SettlementHistory';

type Settlement = ApiOutput<'money.settlements'>[number];

/** Everything a settling action changes: what is open, the batches, balances, aging and credit. */
/** What the last action did, kept on the page until the next one. */
type Outcome = { kind: 'settled' | 'autoSettled' | 'reversed'; fen: Fen } | { kind: 'nothingToSettle' };

const noChoice: ItemChoice = new Map();

/**
 * 往来核销 (DOMAIN.md §7): one counterparty's open items on one side — what raises the balance against
 * the money and returns that lower it. The person ticks items on both sides, whole documents or single
 * goods lines, fully or in part, and settles them; or lets the engine settle oldest first. Every action
 * is listed below and can be undone (反核销).
 */
export function SettlementPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const maySettle = usePermission('money.settle');
  const [side, setSide] = useState<MoneySide>('receivable');
  const [counterpartyId, setCounterpartyId] = useState<number | undefined>(undefined);
  const [debits, setDebits] = useState<ItemChoice>(noChoice);
  const [credits, setCredits] = useState<ItemChoice>(noChoice);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reversing, setReversing] = useState<string | null>(null);

  // Another counterparty or side starts afresh: ticks and amounts belong to the items they were for.
  const turnTo = (next: { counterpartyId?: number | undefined; side?: MoneySide }) => {
    if ('counterpartyId' in next) setCounterpartyId(next.counterpartyId);
    if (next.side) setSide(next.side);
    setDebits(noChoice);
    setCredits(noChoice);
    setOutcome(null);
  };
  // 往来余额 opens this page for one counterparty and side.
  useAddressRequest(turnTo);

  const chosen = counterpartyId !== undefined;
  const items = useApiQuery(
    'money.openItems',
    { counterpartyId: counterpartyId ?? 0, side },
    { enabled: chosen },
  );
  const history = useApiQuery(
    'money.settlements',
    { counterpartyId: counterpartyId ?? 0, side },
    { enabled: chosen },
  );
  const settle = useApiMutation('money.settle');
  const autoSettle = useApiMutation('money.autoSettle');
  const reverse = useApiMutation('money.reverseSettlement');

  const openItems = items.data ?? [];
  const debitItems = openItems.filter((item) => item.direction === 'debit');
  const creditItems = openItems.filter((item) => item.direction === 'credit');
  const debitTotal = choiceTotal(debits);
  const creditTotal = choiceTotal(credits);
  // The engine settles the ticked items against each other until one side runs out.
  const willSettle = debitTotal < creditTotal ? debitTotal : creditTotal;
  const everyAmountSet = [...debits.values(), ...credits.values()].every((amount) => toFen(amount) > 0);
  const canSettle = debits.size > 0 && credits.size > 0 && everyAmountSet;

  const afterAction = (next: Outcome) => {
    setDebits(noChoice);
    setCredits(noChoice);
    setOutcome(next);
  };
  const failed = (error: unknown) => message.error((error as Error).message);

  const settleChosen = async () => {
    const choices = (choice: ItemChoice) => [...choice].map(([itemId, amount]) => ({ itemId, amount }));
    try {
      const result = await settle.mutateAsync({ debits: choices(debits), credits: choices(credits) });
      afterAction({ kind: 'settled', fen: result.settled });
    } catch (error) {
      failed(error);
    }
  };

  const settleOldestFirst = async () => {
    if (counterpartyId === undefined) return;
    try {
      const result = await autoSettle.mutateAsync({ side, counterpartyId });
      afterAction(
        result.settled > 0 ? { kind: 'autoSettled', fen: result.settled } : { kind: 'nothingToSettle' },
      );
    } catch (error) {
      failed(error);
    }
  };

  const undo = async (settlement: Settlement) => {
    setReversing(settlement.batchUid);
    try {
      await reverse.mutateAsync({ batchUid: settlement.batchUid });
      afterAction({ kind: 'reversed', fen: toFen(settlement.amount) });
    } catch (error) {
      failed(error);
    } finally {
      setReversing(null);
    }
  };

  const failure = items.error ?? history.error;
  return (
    <div data-testid="money-settlement">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <MoneySideSwitch value={side} onChange={(next) => turnTo({ side: next })} testId="settle-side" />
        <CounterpartyPicker
          value={counterpartyId}
          onChange={(id, kind) => turnTo({ counterpartyId: id, side: sideOfCounterparty(kind, side) })}
          testId="settle-counterparty"
        />
        <Button
          icon={<ReloadOutlined />}
          disabled={!chosen}
          loading={items.isFetching || history.isFetching}
          onClick={() => void Promise.all([items.refetch(), history.refetch()])}
        >
          {t('reports.refresh')}
        </Button>
        <div style={{ flex: 1 }} />
        {maySettle && (
          <>
            <Typography.Text type="secondary" data-testid="settle-preview">
              {t('money.willSettle', { amount: yuanDisplay(willSettle) })}
            </Typography.Text>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={!canSettle}
              loading={settle.isPending}
              onClick={() => void settleChosen()}
              data-testid="settle-submit"
            >
              {t('money.settle')}
            </Button>
            <Divider orientation="vertical" />
            <Button
              icon={<ThunderboltOutlined />}
              disabled={!chosen}
              loading={autoSettle.isPending}
              onClick={() => void settleOldestFirst()}
              data-testid="settle-auto"
            >
              {t('money.autoSettle')}
            </Button>
          </>
        )}
      </Flex>
      {outcome && (
        <Alert
          type={outcome.kind === 'nothingToSettle' ? 'info' : 'success'}
          showIcon
          closable={{ onClose: () => setOutcome(null) }}
          title={
            outcome.kind === 'nothingToSettle'
              ? t('money.outcome.nothingToSettle')
              : t(`money.outcome.${outcome.kind}`, { amount: yuanDisplay(outcome.fen) })
          }
          style={{ marginBottom: 12 }}
          data-testid="settle-result"
        />
      )}
      {!chosen ? (
        <Empty style={{ marginTop: 80 }} description={t('money.pickCounterparty')} />
      ) : failure ? (
        <LoadFailure error={failure} onRetry={() => void Promise.all([items.refetch(), history.refetch()])} />
      ) : (
        <>
          <OpenItemsTable
            title={t(`money.debitItems.${side}`)}
            items={debitItems}
            loading={items.isFetching}
            choice={debits}
            onChoice={setDebits}
            selectable={maySettle}
            showDueDate
            testId="settle-debits"
          />
          <OpenItemsTable
            title={t(`money.creditItems.${side}`)}
            items={creditItems}
            loading={items.isFetching}
            choice={credits}
            onChoice={setCredits}
            selectable={maySettle}
            showDueDate={false}
            testId="settle-credits"
          />
          <SettlementHistory
            settlements={history.data ?? []}
            loading={history.isFetching}
            mayReverse={maySettle}
            reversing={reversing}
            onReverse={(settlement) => void undo(settlement)}
          />
        </>
      )}
    </div>
  );
}
