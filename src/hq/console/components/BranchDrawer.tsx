import { Drawer, Tabs } from 'antd';
import { consoleApiPaths, type OverviewAnswer } from '../../../shared/hq-console/console-api';
import { useConsoleQuery } from '../api/useConsoleQuery';
import { useBranchDrill } from '../drill/useBranchDrill';
import { salesConfig, stockConfig } from '../summaries/reportConfigs';
import { zh } from '../text/zh-CN';
import { SummaryView } from './SummaryView';

/** One branch's months and categories, 库存 and 销售, each row opening onto its goods. */
export function BranchDrawer() {
  const drill = useBranchDrill();
  const overview = useConsoleQuery<OverviewAnswer>(consoleApiPaths.overview);
  const code = drill.branch;
  const name = overview.data?.branches.find((b) => b.code === code)?.name ?? code ?? '';
  const branch = code ? { code, name } : undefined;
  return (
    <Drawer
      open={branch !== undefined}
      onClose={drill.close}
      size={1040}
      destroyOnHidden
      title={branch ? zh.drill.title(branch.code, branch.name) : ''}
    >
      {branch && (
        <Tabs
          items={[
            {
              key: 'stock',
              label: zh.drill.stock,
              children: <SummaryView config={stockConfig} branch={branch} />,
            },
            {
              key: 'sales',
              label: zh.drill.sales,
              children: <SummaryView config={salesConfig} branch={branch} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
}
