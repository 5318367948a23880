import { DocumentLink } from '../../components/report/DocumentLink';
import { Card, ConfigProvider, InputNumber, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { add } from '../../../shared/numbers/integer-math';
import type { Fen } from '../../../shared/numbers/scales';
import { groupThousands, yuanDisplay } from '../../../shared/numbers/yuan-display';
import { toFen, yuanText } from './moneyFigures';
import { moneyColumn } from './moneyTable';
import { denseTable } from '../../components/list/denseTable';

export type OpenItem = ApiOutput<'money.openItems'>[number];

/** The items ticked for this 核销, each with the yuan to settle of it now. */
export type ItemChoice = ReadonlyMap<number, string>;

/** What a choice comes to, in fen. */
export function choiceTotal(choice: ItemChoice): Fen {
  let total = 0;
  for (const amount of choice.values()) total = add(total, toFen(amount));
  return total;
}

/**
 * What the person types as the amount to settle, kept within what is open of the item: more than
 * that is taken as all of it, since nothing more can be settled.
 */
function withinOpen(typed: string | null, open: string): string {
  if (typed === null || typed.trim() === '') return '';
  const fen = toFen(typed);
  if (fen < 0) return '0.00';
  return fen > toFen(open) ? open : yuanText(fen);
}

/** Where the item comes from: its document, and for goods documents the line and goods. */
function ItemSource({ item }: { item: OpenItem }) {
  const { t } = useTranslation();
  return (
    <>
      {item.documentId !== null && item.documentType !== null ? (
        <DocumentLink type={item.documentType} id={item.documentId} number={item.documentNumber} />
      ) : (
        <Typography.Text strong>{item.documentNumber}</Typography.Text>
      )}
      {item.lineNo !== null && (
        <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
          {t('money.lineOf', { lineNo: item.lineNo, goods: item.goodsName ?? '' })}
        </Typography.Text>
      )}
    </>
  );
}

/**
 * One side of 核销: the open items that raise the balance (deliveries, receipts of goods) or those that
 * lower it (money, returns), each to tick with an amount of its own — all that is open unless the
 * person settles part of it — and what is ticked comes to.
 */
export function OpenItemsTable({
  title,
  items,
  loading,
  choice,
  onChoice,
  selectable,
  showDueDate,
  testId,
}: {
  title: ReactNode;
  items: readonly OpenItem[];
  loading: boolean;
  choice: ItemChoice;
  onChoice: (choice: ItemChoice) => void;
  /** Only who may settle ticks anything; others read what is open. */
  selectable: boolean;
  /** What raises the balance falls due (账期); money and returns have no due date worth reading. */
  showDueDate: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  // Ticked items keep the order of the list (oldest due first): the engine settles them in that order.
  const choose = (amounts: ReadonlyMap<number, string>) =>
    onChoice(
      new Map(items.filter((item) => amounts.has(item.id)).map((item) => [item.id, amounts.get(item.id)!])),
    );
  const changeAmount = (item: OpenItem, typed: string | null) => {
    const next = new Map(choice);
    next.set(item.id, withinOpen(typed, item.open));
    choose(next);
  };

  const columns: TableColumnsType<OpenItem> = [
    {
      key: 'source',
      title: t('money.columns.source'),
      width: 250,
      ellipsis: true,
      render: (_, item) => <ItemSource item={item} />,
    },
    {
      key: 'type',
      title: t('money.columns.type'),
      width: 100,
      render: (_, item) =>
        item.documentType === null ? t('money.openingItem') : t(`document.types.${item.documentType}`),
    },
    { key: 'date', title: t('money.columns.businessDate'), dataIndex: 'businessDate', width: 100 },
    ...(showDueDate
      ? [{ key: 'due', title: t('money.columns.dueDate'), dataIndex: 'dueDate', width: 100 }]
      : []),
    moneyColumn('amount', t('money.columns.amount'), (item) => item.amount),
    moneyColumn('settled', t('money.columns.settled'), (item) => item.settled, { blankZero: true }),
    moneyColumn('open', t('money.columns.unsettled'), (item) => item.open),
    ...(selectable
      ? [
          {
            key: 'settleNow',
            title: t('money.columns.settleNow'),
            width: 140,
            render: (_: unknown, item: OpenItem) => {
              const amount = choice.get(item.id);
              return (
                <InputNumber<string>
                  stringMode
                  size="small"
                  // No min / max here: the input would drop what is out of range without a word;
                  // withinOpen takes more than is open as all of it instead.
                  precision={2}
                  value={amount ?? item.open}
                  // Untouched rows show what ticking them would settle, greyed until ticked.
                  variant={amount === undefined ? 'borderless' : 'outlined'}
                  status={amount !== undefined && toFen(amount) <= 0 ? 'error' : undefined}
                  // Read like the figures beside it (grouped, two decimals, right-aligned), except while
                  // the person is typing, when what they type stays as typed.
                  formatter={(text, { userTyping, input }) =>
                    userTyping ? input : text ? groupThousands(yuanText(toFen(text))) : ''
                  }
                  parser={(text) => (text ?? '').replace(/,/g, '')}
                  controls={false}
                  onChange={(typed) => changeAmount(item, typed)}
                  style={{ width: '100%' }}
                  styles={{ input: { textAlign: 'right' } }}
                  aria-label={t('money.columns.settleNow')}
                  data-testid={`settle-amount-${item.id}`}
                />
              );
            },
          },
        ]
      : []),
  ];

  const total = choiceTotal(choice);
  return (
    <Card
      size="small"
      title={title}
      extra={
        selectable && (
          <Typography.Text data-testid={`${testId}-total`}>
            {t('money.chosen', { count: choice.size, amount: yuanDisplay(total) })}
          </Typography.Text>
        )
      }
      styles={{ body: { padding: 0 } }}
      style={{ marginBottom: 12 }}
    >
      <ConfigProvider theme={denseTable}>
        <Table<OpenItem>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={items as OpenItem[]}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content', y: 240 }}
          locale={{ emptyText: t('money.nothingOpen') }}
          rowSelection={
            selectable
              ? {
                  selectedRowKeys: [...choice.keys()],
                  onChange: (keys) => {
                    const ticked = new Set(keys as number[]);
                    choose(
                      new Map(
                        items
                          .filter((item) => ticked.has(item.id))
                          .map((item) => [item.id, choice.get(item.id) ?? item.open]),
                      ),
                    );
                  },
                }
              : undefined
          }
          data-testid={testId}
        />
      </ConfigProvider>
    </Card>
  );
}
