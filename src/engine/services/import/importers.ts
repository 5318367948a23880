import type { EntityName } from '../../domain/master-data/entity-specs';
import { counterpartyImporter } from './counterparty-rows';
import { employeeImporter } from './employee-rows';
import type { EntityImporter } from './entity-importer';
import { goodsImporter } from './goods-rows';
import { officeImporter } from './office-rows';
import { openingStockImporter } from './opening-stock-rows';
import { channelReportImporter } from '../channel/report-rows';
import { signingTableImporter } from '../contracts/signing-table-rows';
import { warehouseImporter } from './warehouse-rows';

/** Every entity's importer, by the entity's name (domain/master-data/entity-specs.ts). */
export const importers = {
  goods: goodsImporter,
  counterparties: counterpartyImporter,
  warehouses: warehouseImporter,
  offices: officeImporter,
  employees: employeeImporter,
  openingStock: openingStockImporter,
  signingTable: signingTableImporter,
  channelReport: channelReportImporter,
} as const satisfies Record<EntityName, unknown>;

/** The importer of an entity, as the generic pipeline (import-plan.ts, import-commit.ts) drives it. */
export function importerFor(entity: EntityName): EntityImporter<unknown> {
  return importers[entity] as EntityImporter<unknown>;
}
