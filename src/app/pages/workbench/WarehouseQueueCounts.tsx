import { Card, Empty, Flex, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { usePageAccess } from '../../workspace/usePageAccess';

/** 仓库作业 at a glance: per warehouse the keeper keeps, documents waiting to come in and to go out. */
export function WarehouseQueueCounts() {
  const { t } = useTranslation();
  const access = usePageAccess();
  const queue = useApiQuery('warehouse.queue', {});
  const warehouses = useMemo(() => {
    const counts = new Map<number, { name: string; in: number; out: number }>();
    for (const entry of queue.data ?? []) {
      const warehouse = counts.get(entry.warehouseId) ?? { name: entry.warehouseName, in: 0, out: 0 };
      warehouse[entry.direction] += 1;
      counts.set(entry.warehouseId, warehouse);
    }
    return [...counts.values()];
  }, [queue.data]);
  return (
    <Card
      size="small"
      title={t('workbench.warehouseQueue')}
      extra={<a onClick={() => access.open('warehouse-queue')}>{t('workbench.openQueue')}</a>}
      data-testid="workbench-warehouse-queue"
    >
      {warehouses.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.queueEmpty')} />
      ) : (
        <Flex vertical gap={8}>
          {warehouses.map((warehouse) => (
            <Flex key={warehouse.name} gap={24} align="center">
              <span style={{ width: 100 }}>{warehouse.name}</span>
              <Statistic title={t('workbench.toReceive')} value={warehouse.in} />
              <Statistic title={t('workbench.toShip')} value={warehouse.out} />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
