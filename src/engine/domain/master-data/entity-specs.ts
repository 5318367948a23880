import { channelReportSpec } from '../channel/channel-report-spec';
import { signingTableSpec } from '../contracts/signing-table-spec';
import { counterpartySpec } from './counterparty-spec';
import type { EntitySpec } from './field-spec';
import { goodsSpec } from './goods-spec';
import { openingStockSpec } from './opening-stock-spec';
import { employeeSpec, officeSpec, warehouseSpec } from './organization-spec';

/** Every entity a clerk can import, export and list, by name. */
export const entitySpecs = {
  goods: goodsSpec,
  counterparties: counterpartySpec,
  warehouses: warehouseSpec,
  offices: officeSpec,
  employees: employeeSpec,
  openingStock: openingStockSpec,
  signingTable: signingTableSpec,
  channelReport: channelReportSpec,
} as const satisfies Record<string, EntitySpec>;

export type EntityName = keyof typeof entitySpecs;
export const entityNames = Object.keys(entitySpecs) as EntityName[];
