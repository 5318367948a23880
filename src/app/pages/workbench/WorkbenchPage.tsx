import { Col, Row, Flex } from 'antd';
import { useSession } from '../../session/SessionContext';
import { usePermission } from '../../session/usePermission';
import { AlertsCard } from './AlertsCard';
import { BusinessFlow } from './BusinessFlow';
import { DocumentQueueCard } from './DocumentQueueCard';
import { OverdueReceivables } from './OverdueReceivables';
import { SalesCharts } from './SalesCharts';
import { WarehouseQueueCounts } from './WarehouseQueueCounts';

/**
 * 工作台, the first tab: what each person opens the app for, made of what their role may do rather than
 * of a role's name (a branch edits its roles). The clerk: the business flow, drafts and what waits for
 * approval. The keeper: the queue per warehouse. The manager and accountant: the approval queue with
 * batch 审核, sales and gross profit, overdue receivables. Everyone: the alerts that concern them.
 */
export function WorkbenchPage() {
  const { current } = useSession();
  const independent = current.branch.accountingMode === 'independent';
  const documents = usePermission('documents.view');
  const creates = usePermission('documents.create');
  const approves = usePermission('documents.approve');
  const keeps = usePermission('warehouse.confirm');
  const profit = usePermission('profit.view') && independent;
  const money = usePermission('money.view') && independent;

  return (
    <Row gutter={[12, 12]} data-testid="workbench">
      {documents && creates && (
        <Col span={24}>
          <BusinessFlow />
        </Col>
      )}
      <Col span={16}>
        <Flex vertical gap={12}>
          {keeps && !creates && <WarehouseQueueCounts />}
          {documents && approves && <DocumentQueueCard queue="approval" />}
          {documents && creates && <DocumentQueueCard queue="drafts" />}
          {profit && <SalesCharts />}
        </Flex>
      </Col>
      <Col span={8}>
        <Flex vertical gap={12}>
          <AlertsCard />
          {keeps && creates && <WarehouseQueueCounts />}
          {money && <OverdueReceivables />}
        </Flex>
      </Col>
    </Row>
  );
}
