import {
  CloudUploadOutlined,
  FieldTimeOutlined,
  HourglassOutlined,
  PauseCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Card, Empty, List } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { usePermission } from '../../session/usePermission';
import { usePageAccess } from '../../workspace/usePageAccess';

/** Documents waiting at the warehouse longer than this many days are stuck, not merely queued. */
const stuckAfterDays = 3;
/** Lots expiring within this many days are near expiry (the 批次保质期 report's default). */
const expiryWithinDays = 30;

interface Alert {
  icon: ReactNode;
  text: string;
  pageKey: string;
}

/**
 * 提醒: what concerns this user today — stock below its line and lots near expiry for whoever sees stock,
 * documents stuck at the warehouse for whoever sees documents, a failing upload for whoever sends it, and
 * offices whose channel report is missing or late for whoever reads them. Only what is so is listed (a
 * workbench that shows "0" everywhere teaches to ignore it); each opens its page.
 */
function useAlerts(): Alert[] {
  const { t } = useTranslation();
  const stock = usePermission('stock.view');
  const documents = usePermission('documents.view');
  const upload = usePermission('upload.view');
  const channel = usePermission('channel.view');
  const stockAlerts = useApiQuery('reports.stockAlerts', {}, { enabled: stock });
  const expiring = useApiQuery('reports.lotExpiry', { withinDays: expiryWithinDays }, { enabled: stock });
  // A keeper's stuck documents are those of the warehouses they keep, as their queue lists them.
  const confirms = usePermission('warehouse.confirm');
  const creates = usePermission('documents.create');
  const keeper = confirms && !creates;
  const stuckBefore = dayjs().subtract(stuckAfterDays, 'day').format('YYYY-MM-DD');
  const stuck = useApiQuery(
    'documents.list',
    { statuses: ['awaiting_warehouse', 'in_transit'], to: stuckBefore, limit: 1 },
    { enabled: documents && !keeper },
  );
  const queue = useApiQuery('warehouse.queue', {}, { enabled: keeper });
  const uploadStatus = useApiQuery('upload.status', {}, { enabled: upload });
  const board = useApiQuery('channelReports.board', { kind: 'weekly' }, { enabled: channel });

  const alerts: Alert[] = [];
  const below = (stockAlerts.data?.rows ?? []).filter((row) => row.status === 'below').length;
  if (below > 0) {
    alerts.push({
      icon: <WarningOutlined />,
      text: t('workbench.belowLine', { count: below }),
      pageKey: 'report-stock-alerts',
    });
  }
  const lots = expiring.data?.rows.length ?? 0;
  if (lots > 0) {
    alerts.push({
      icon: <HourglassOutlined />,
      text: t('workbench.nearExpiry', { count: lots, days: expiryWithinDays }),
      pageKey: 'report-lot-expiry',
    });
  }
  const stuckCount = keeper
    ? new Set(
        (queue.data ?? [])
          .filter((entry) => entry.businessDate <= stuckBefore)
          .map((entry) => entry.documentId),
      ).size
    : (stuck.data?.total ?? 0);
  if (stuckCount > 0) {
    alerts.push({
      icon: <PauseCircleOutlined />,
      text: t('workbench.stuck', { count: stuckCount, days: stuckAfterDays }),
      pageKey: keeper ? 'warehouse-queue' : 'warehouse-documents',
    });
  }
  const sending = uploadStatus.data;
  if (sending?.configured && (sending.blocked || sending.failuresInRow > 0)) {
    alerts.push({
      icon: <CloudUploadOutlined />,
      text: t('workbench.uploadFailing', { pending: sending.pending, failures: sending.failuresInRow }),
      pageKey: 'upload',
    });
  }
  const late = (board.data?.offices ?? []).filter((office) => {
    const state = office.cells.at(-1)?.state;
    return state === 'missing' || state === 'late';
  }).length;
  if (late > 0) {
    alerts.push({
      icon: <FieldTimeOutlined />,
      text: t('workbench.lateChannel', { count: late }),
      pageKey: 'channel-board',
    });
  }
  return alerts;
}

export function AlertsCard() {
  const { t } = useTranslation();
  const access = usePageAccess();
  const alerts = useAlerts();
  return (
    <Card size="small" title={t('workbench.alerts')} data-testid="workbench-alerts">
      <List<Alert>
        size="small"
        dataSource={alerts}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noAlerts')} />,
        }}
        renderItem={(alert) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => access.open(alert.pageKey)}>
            <span style={{ color: '#d46b08', marginRight: 8 }}>{alert.icon}</span>
            {alert.text}
          </List.Item>
        )}
      />
    </Card>
  );
}
