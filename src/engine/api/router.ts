import { combineMethods } from './combine-methods';
import { auditMethods } from './methods/audit';
import { authMethods } from './methods/auth';
import { branchMethods } from './methods/branch';
import { calendarMethods } from './methods/calendar';
import { categoryMethods } from './methods/categories';
import { contractMethods } from './methods/contracts';
import { channelReportMethods } from './methods/channel-reports';
import { counterpartyMethods } from './methods/counterparties';
import { documentMethods } from './methods/documents';
import { employeeMethods } from './methods/employees';
import { exportMethods } from './methods/export';
import { goodsMethods } from './methods/goods';
import { importMethods } from './methods/import';
import { masterDataMethods } from './methods/master-data';
import { moneyMethods } from './methods/money';
import { numberingMethods } from './methods/numbering';
import { officeMethods } from './methods/offices';
import { printMethods } from './methods/print';
import { printTemplateMethods } from './methods/print-templates';
import { periodMethods } from './methods/periods';
import { priceMethods } from './methods/prices';
import { reportMethods } from './methods/reports';
import { roleMethods } from './methods/roles';
import { settingsMethods } from './methods/settings';
import { setupMethods } from './methods/setup';
import { stockMethods } from './methods/stock';
import { systemMethods } from './methods/system';
import { uploadMethods } from './methods/upload';
import { userMethods } from './methods/users';
import { warehouseWorkMethods } from './methods/warehouse';
import { warehouseMethods } from './methods/warehouses';

/**
 * The API: every operation the UI, the CLI or a test can perform, by name, with its input schema
 * and who may call it. The renderer's client is typed from this map (src/shared/api.ts). Each method
 * prefix has its own file under methods/, named after it.
 */
export const router = combineMethods(
  setupMethods,
  authMethods,
  systemMethods,
  auditMethods,
  branchMethods,
  settingsMethods,
  userMethods,
  roleMethods,
  masterDataMethods,
  goodsMethods,
  categoryMethods,
  counterpartyMethods,
  warehouseMethods,
  officeMethods,
  employeeMethods,
  importMethods,
  exportMethods,
  documentMethods,
  priceMethods,
  stockMethods,
  warehouseWorkMethods,
  numberingMethods,
  reportMethods,
  periodMethods,
  moneyMethods,
  uploadMethods,
  printMethods,
  printTemplateMethods,
  calendarMethods,
  contractMethods,
  channelReportMethods,
);

export type Router = typeof router;
export type MethodName = keyof Router;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(router, name);
}
