import { Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { useDebouncedValue } from '../list/useDebouncedValue';
import type { DocumentType } from './documentTypes';

type OriginRow = {
  id: number;
  number: string;
  businessDate: string;
  counterpartyName: string | null;
  /** Null: a purchase's total, hidden from a role without cost.view; the cell stays blank. */
  totalWithTax: string | null;
};

/**
 * 选原单: a return is made from its origin document (DOMAIN.md §5), so its lines carry the origin
 * line and the engine can hold it to what was delivered or received. Lists the completed origin
 * documents, newest first, searchable by number or counterparty.
 */
export function OriginDocumentDialog({
  open,
  originType,
  onPick,
  onCancel,
}: {
  open: boolean;
  originType: DocumentType;
  onPick: (id: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim(), 250);
  const [selected, setSelected] = useState<number | null>(null);
  const list = useApiQuery(
    'documents.list',
    { types: [originType], statuses: ['completed'], search: settled || undefined, limit: 50 },
    { enabled: open },
  );

  // A reversed delivery has nothing left to return; a reversal is not an origin.
  const rows = (list.data?.rows ?? []).filter((row) => !row.isReversal);

  return (
    <Modal
      open={open}
      width={760}
      title={t('document.originTitle', { type: t(`document.types.${originType}`) })}
      okText={t('document.actions.fromOrigin')}
      okButtonProps={{ disabled: selected === null }}
      onOk={() => selected !== null && onPick(selected)}
      onCancel={onCancel}
      destroyOnHidden
      // The page puts the cursor on the lines taken; the button that opened this must not take it back.
      focusTriggerAfterClose={false}
    >
      <Input.Search
        autoFocus
        allowClear
        value={search}
        placeholder={t('document.list.searchPlaceholder')}
        onChange={(event) => setSearch(event.target.value)}
        // Enter takes the chosen document, or the first one found; ↑ ↓ choose.
        onSearch={() => {
          const chosen = selected ?? rows[0]?.id;
          if (chosen !== undefined) onPick(chosen);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          const index = rows.findIndex((row) => row.id === selected);
          const next =
            rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
          if (next) setSelected(next.id);
        }}
        style={{ marginBottom: 8 }}
      />
      <Table<OriginRow>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 360 }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: selected === null ? [] : [selected],
          onChange: (keys) => setSelected(Number(keys[0])),
        }}
        onRow={(row) => ({
          onClick: () => setSelected(row.id),
          onDoubleClick: () => onPick(row.id),
        })}
        columns={[
          { key: 'number', dataIndex: 'number', title: t('document.number'), width: 170 },
          { key: 'businessDate', dataIndex: 'businessDate', title: t('document.businessDate'), width: 110 },
          { key: 'counterpartyName', dataIndex: 'counterpartyName', title: t('document.list.counterparty') },
          {
            key: 'totalWithTax',
            dataIndex: 'totalWithTax',
            title: t('document.list.totalWithTax'),
            width: 120,
            align: 'right',
          },
        ]}
      />
    </Modal>
  );
}
