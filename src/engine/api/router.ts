import { authMethods } from './methods/auth';
import { branchMethods } from './methods/branch';
import { counterpartyMethods } from './methods/counterparties';
import { documentMethods } from './methods/documents';
import { moneyMethods } from './methods/money';
import { periodMethods } from './methods/periods';
import { reportMethods } from './methods/reports';
import { exportMethods } from './methods/export';
import { goodsMethods } from './methods/goods';
import { importMethods } from './methods/import';
import { masterDataMethods } from './methods/master-data';
import { organizationMethods } from './methods/organization';
import { setupMethods } from './methods/setup';
import { systemMethods } from './methods/system';
import { userMethods } from './methods/users';

/**
 * The API: every operation the UI, the CLI or a test can perform, by name, with its input schema
 * and who may call it. The renderer's client is typed from this map (src/shared/api.ts).
 */
export const router = {
  ...setupMethods,
  ...authMethods,
  ...systemMethods,
  ...branchMethods,
  ...userMethods,
  ...masterDataMethods,
  ...goodsMethods,
  ...counterpartyMethods,
  ...organizationMethods,
  ...importMethods,
  ...exportMethods,
  ...documentMethods,
  ...reportMethods,
  ...periodMethods,
  ...moneyMethods,
};

export type Router = typeof router;
export type MethodName = keyof Router;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(router, name);
}
