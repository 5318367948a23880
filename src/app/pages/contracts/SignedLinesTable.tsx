import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { blankLine, type SignedLineDraft } from './contractDraft';
import { ContractCategoryPicker, ContractGoodsPicker } from './ContractTargetPicker';
import { denseTable } from '../../components/list/denseTable';
import { UnitNameInput } from './UnitNameInput';

/**
 * 签约量: per goods or category, for a month or the whole period, the quantity signed and the agreed price.
 * Read only once the contract has left draft: a change after approval is a 补充协议.
 */
export function SignedLinesTable({
  lines,
  months,
  editable,
  onChange,
}: {
  lines: readonly SignedLineDraft[];
  /** The contract period's months, yyyy-MM. */
  months: readonly string[];
  editable: boolean;
  onChange: (lines: SignedLineDraft[]) => void;
}) {
  const { t } = useTranslation();
  const update = (key: string, change: Partial<SignedLineDraft>) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const columns: TableColumnsType<SignedLineDraft> = [
    { key: 'no', title: '#', width: 40, align: 'center', render: (_, __, index) => index + 1 },
    {
      key: 'target',
      title: t('contracts.lines.target'),
      width: 90,
      render: (_, line) => (
        <Select<'goods' | 'category'>
          value={line.target}
          disabled={!editable}
          onChange={(target) => update(line.key, { target, goodsId: null, categoryId: null, label: '' })}
          options={[
            { value: 'goods', label: t('contracts.lines.goods') },
            { value: 'category', label: t('contracts.lines.category') },
          ]}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      key: 'goodsOrCategory',
      title: t('contracts.lines.goodsOrCategory'),
      render: (_, line) =>
        line.target === 'goods' ? (
          <ContractGoodsPicker
            goodsId={line.goodsId}
            label={line.label}
            disabled={!editable}
            onPick={({ id, label }) => update(line.key, { goodsId: id, label })}
          />
        ) : (
          <ContractCategoryPicker
            categoryId={line.categoryId}
            disabled={!editable}
            onPick={({ id, label }) => update(line.key, { categoryId: id, label })}
          />
        ),
    },
    {
      key: 'unit',
      title: t('contracts.lines.unit'),
      width: 80,
      render: (_, line) => (
        <UnitNameInput
          goodsId={line.goodsId}
          value={line.unitName}
          editable={editable}
          onChange={(unitName) => update(line.key, { unitName })}
          testId="contract-line-unit"
        />
      ),
    },
    {
      key: 'month',
      title: t('contracts.lines.month'),
      width: 120,
      render: (_, line) => (
        <Select<string>
          value={line.month ?? ''}
          disabled={!editable}
          onChange={(month) => update(line.key, { month: month || null })}
          options={[
            { value: '', label: t('contracts.lines.wholePeriod') },
            ...months.map((month) => ({ value: month, label: month })),
          ]}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      key: 'quantity',
      title: t('contracts.lines.quantity'),
      width: 120,
      render: (_, line) => (
        <Input
          value={line.quantity}
          readOnly={!editable}
          variant={editable ? 'outlined' : 'filled'}
          inputMode="decimal"
          style={{ textAlign: 'right' }}
          onChange={(event) => update(line.key, { quantity: event.target.value })}
          data-testid="contract-line-quantity"
        />
      ),
    },
    {
      key: 'agreedPrice',
      title: t('contracts.lines.agreedPrice'),
      width: 140,
      render: (_, line) => (
        <Input
          value={line.agreedPrice}
          readOnly={!editable}
          variant={editable ? 'outlined' : 'filled'}
          inputMode="decimal"
          style={{ textAlign: 'right' }}
          onChange={(event) => update(line.key, { agreedPrice: event.target.value })}
          data-testid="contract-line-price"
        />
      ),
    },
    ...(editable
      ? [
          {
            key: 'remove',
            width: 44,
            render: (_: unknown, line: SignedLineDraft) => (
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                title={t('contracts.lines.remove')}
                aria-label={t('contracts.lines.remove')}
                onClick={() => onChange(lines.filter((other) => other.key !== line.key))}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="contract-lines">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('contracts.lines.title')}
      </Typography.Title>
      <ConfigProvider theme={denseTable}>
        <Table<SignedLineDraft>
          size="small"
          bordered
          rowKey="key"
          columns={columns}
          dataSource={[...lines]}
          pagination={false}
          locale={{ emptyText: t('contracts.lines.none') }}
        />
      </ConfigProvider>
      {editable && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => onChange([...lines, blankLine()])}
          data-testid="contract-add-line"
        >
          {t('contracts.lines.add')}
        </Button>
      )}
    </div>
  );
}
