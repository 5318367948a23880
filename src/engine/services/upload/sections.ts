import type { UploadSection } from './upload-section';
import {
  branchProfileSection,
  categoriesSection,
  counterpartiesSection,
  goodsSection,
  monthClosesSection,
  warehousesSection,
} from './sections/master-data-sections';
import {
  moneyBalancesSection,
  movementSummarySection,
  stockBalancesSection,
  tradeSection,
} from './sections/period-sections';
import { documentsSection } from './sections/documents-section';
import { contractsSection } from './sections/contracts-section';
import { contractExecutionSection } from './sections/contract-execution-section';
import { channelReportsSection } from './sections/channel-reports-section';

/**
 * Every section a package may carry, in the order they are written: identities before the figures that
 * name them.
 */
export const uploadSections: readonly UploadSection[] = [
  branchProfileSection,
  categoriesSection,
  warehousesSection,
  goodsSection,
  counterpartiesSection,
  monthClosesSection,
  contractsSection,
  documentsSection,
  stockBalancesSection,
  movementSummarySection,
  tradeSection,
  moneyBalancesSection,
  contractExecutionSection,
  channelReportsSection,
];
