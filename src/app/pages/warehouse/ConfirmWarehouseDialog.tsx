import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, InputNumber, Modal, Skeleton, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../shared/api';
import { ApiCallError } from '../../api/client';
import { markStale } from '../../api/invalidation';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { LotPicker } from './LotPicker';
import {
  isTransferArrival,
  linesToConfirm,
  plannedQuantity,
  type DocumentLine,
  type DocumentView,
  type QueueEntry,
} from './linesToConfirm';

type ConfirmedLine = NonNullable<ApiInput<'warehouse.confirm'>['lines']>[number];

interface LineEntry {
  quantity: string | null;
  lot: string;
}

/** 确认入库 / 确认出库 of one document at one warehouse: the lines, the actual quantities and lots. */
export function ConfirmWarehouseDialog({ entry, onClose }: { entry: QueueEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const document = useApiQuery('documents.get', { id: entry.documentId });
  const action = t(entry.direction === 'in' ? 'warehouseQueue.confirmIn' : 'warehouseQueue.confirmOut');
  const [busy, setBusy] = useState(false);

  return (
    <Modal
      open
      width={960}
      title={t('warehouseQueue.dialogTitle', { action, type: entry.typeLabel, number: entry.number })}
      // While the confirmation runs the dialog stays: closing it would hide the outcome.
      closable={!busy}
      mask={{ closable: false }}
      keyboard={!busy}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      data-testid="confirm-dialog"
    >
      {document.error ? (
        <LoadFailure error={document.error} onRetry={() => void document.refetch()} />
      ) : !document.data ? (
        <Skeleton active />
      ) : (
        <ConfirmLines
          key={document.data.id}
          entry={entry}
          view={document.data}
          action={action}
          onBusy={setBusy}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function ConfirmLines({
  entry,
  view,
  action,
  onBusy,
  onClose,
}: {
  entry: QueueEntry;
  view: DocumentView;
  action: string;
  onBusy: (busy: boolean) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const arrival = isTransferArrival(entry);
  // The lines as the dialog opened: the document read again after confirming must not empty the table
  // before the dialog closes.
  const [lines] = useState(() => linesToConfirm(view, entry));
  const [entries, setEntries] = useState<Record<number, LineEntry>>(() =>
    Object.fromEntries(
      lines.map((line) => [line.id, { quantity: plannedQuantity(line, arrival), lot: line.lot }]),
    ),
  );
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = useApiMutation('warehouse.confirm');
  // A second click before the first call has come back must not send a second confirmation.
  const sending = useRef(false);

  const change = (lineId: number, patch: Partial<LineEntry>) =>
    setEntries((current) => ({ ...current, [lineId]: { ...current[lineId]!, ...patch } }));

  /** Only what differs from the document goes to the engine; the rest it takes as planned. */
  const confirmedLines = (): ConfirmedLine[] =>
    lines.flatMap((line) => {
      const given = entries[line.id]!;
      const confirmed: ConfirmedLine = { lineId: line.id };
      if (given.quantity !== null && given.quantity !== plannedQuantity(line, arrival)) {
        confirmed.quantity = given.quantity;
      }
      if (!arrival && line.lotTracked && given.lot.trim() !== line.lot) confirmed.lot = given.lot.trim();
      return confirmed.quantity === undefined && confirmed.lot === undefined ? [] : [confirmed];
    });

  const submit = async () => {
    if (sending.current) return;
    sending.current = true;
    onBusy(true);
    setFailure(null);
    try {
      const changed = confirmedLines();
      await confirm.mutateAsync({
        documentId: entry.documentId,
        warehouseId: entry.warehouseId,
        ...(changed.length > 0 ? { lines: changed } : {}),
      });
      message.success(
        t('warehouseQueue.confirmed', { number: entry.number, warehouse: entry.warehouseName }),
      );
      onClose();
    } catch (error) {
      // The engine's words in full: a shortfall names the goods, warehouse, date and quantity.
      setFailure((error as Error).message);
      // Someone else confirmed it meanwhile: what their confirmation moved is stale here too, and the
      // queue should stop offering it.
      if (error instanceof ApiCallError && error.code === 'CONFLICT') {
        await markStale(queryClient, 'warehouse.confirm');
      }
    } finally {
      sending.current = false;
      onBusy(false);
    }
  };

  const missingQuantity = lines.some((line) => entries[line.id]?.quantity === null && !arrival);

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('warehouseQueue.dialogSummary', { warehouse: entry.warehouseName, date: entry.businessDate })}
        {view.counterpartyName ? ` · ${view.counterpartyName}` : ''}
        {view.remark ? ` · ${view.remark}` : ''}
      </Typography.Paragraph>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure}
          style={{ marginBottom: 12, whiteSpace: 'pre-wrap' }}
          data-testid="confirm-error"
        />
      )}
      {lines.length === 0 ? (
        <Alert type="info" showIcon title={t('warehouseQueue.nothingLeft')} />
      ) : (
        <Table<DocumentLine>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={lines}
          scroll={{ y: 420 }}
          data-testid="confirm-lines"
          columns={[
            { title: t('warehouseQueue.lineNo'), dataIndex: 'lineNo', width: 48, align: 'right' },
            {
              title: t('warehouseQueue.goods'),
              key: 'goods',
              render: (_, line) => (
                <>
                  <Typography.Text type="secondary">{line.goodsCode}</Typography.Text> {line.goodsName}
                  {line.goodsSpec ? (
                    <Typography.Text type="secondary"> {line.goodsSpec}</Typography.Text>
                  ) : null}
                </>
              ),
            },
            { title: t('warehouseQueue.unit'), dataIndex: 'unitName', width: 56 },
            {
              title: t('warehouseQueue.planned'),
              dataIndex: 'quantity',
              width: 90,
              align: 'right',
            },
            {
              title: t(arrival ? 'warehouseQueue.shipped' : 'warehouseQueue.mixed'),
              key: 'mixed',
              width: 120,
              align: 'right',
              render: (_, line) => (arrival ? line.confirmedQuantity : line.mixedQuantity),
            },
            {
              title: t('warehouseQueue.lot'),
              key: 'lot',
              width: 150,
              render: (_, line) =>
                line.lotTracked && !arrival ? (
                  entry.direction === 'out' ? (
                    <LotPicker
                      goodsId={line.goodsId}
                      goodsCode={line.goodsCode}
                      warehouseId={entry.warehouseId}
                      value={entries[line.id]?.lot ?? ''}
                      onChange={(lot) => change(line.id, { lot })}
                      label={`${t('warehouseQueue.lot')} ${line.lineNo}`}
                      testId={`confirm-lot-${line.lineNo}`}
                    />
                  ) : (
                    <Input
                      size="small"
                      value={entries[line.id]?.lot}
                      placeholder={t('warehouseQueue.lotPlaceholder')}
                      maxLength={40}
                      onChange={(event) => change(line.id, { lot: event.target.value })}
                      aria-label={`${t('warehouseQueue.lot')} ${line.lineNo}`}
                      data-testid={`confirm-lot-${line.lineNo}`}
                    />
                  )
                ) : (
                  line.lot
                ),
            },
            {
              title: t(entry.direction === 'in' ? 'warehouseQueue.actualIn' : 'warehouseQueue.actualOut'),
              key: 'actual',
              width: 130,
              render: (_, line) => (
                <InputNumber<string>
                  size="small"
                  stringMode
                  min="0"
                  value={entries[line.id]?.quantity ?? null}
                  placeholder={arrival ? t('warehouseQueue.asShipped') : undefined}
                  onChange={(value) => change(line.id, { quantity: value === null ? null : String(value) })}
                  style={{ width: '100%' }}
                  aria-label={`${t('warehouseQueue.actualIn')} ${line.lineNo}`}
                  data-testid={`confirm-quantity-${line.lineNo}`}
                />
              ),
            },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {t('warehouseQueue.partialHelp')}
      </Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 12 }}>
        <Button onClick={onClose} disabled={confirm.isPending}>
          {t('warehouseQueue.cancel')}
        </Button>
        <Button
          type="primary"
          loading={confirm.isPending}
          disabled={lines.length === 0 || missingQuantity}
          onClick={() => void submit()}
          data-testid="confirm-submit"
        >
          {action}
        </Button>
      </div>
    </>
  );
}
