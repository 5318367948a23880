import { parseArgs } from 'node:util';
import { cliActor, LedgerError, type Engine } from '../../engine';

export const initUsage = `ledger init --code BJ01 --name 北京分公司 --admin admin --admin-name 管理员 --password 密码
  [--tax-id 税号] [--address 地址] [--phone 电话]
  [--accounting independent|non_independent]        默认 independent（独立核算）
  [--costing-scope per_warehouse|per_branch]         默认 per_warehouse（分仓核算）
  [--costing-method moving_average|fifo|lifo|specific|monthly_average]  默认 moving_average
  [--allow-method-override] [--negative-stock forbid|allow] [--taxpayer general|small]
  [--quantity-decimals 2] [--price-decimals 4] [--no-approval]
  密码也可由环境变量 LEDGER_ADMIN_PASSWORD 给出，以免留在命令历史中。`;

/** `ledger init …`: first-run setup without the screen — the branch profile and its administrator. */
export async function initCommand(engine: Engine, args: string[]): Promise<unknown> {
  const { values } = parseArgs({
    args,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      'tax-id': { type: 'string', default: '' },
      address: { type: 'string', default: '' },
      phone: { type: 'string', default: '' },
      accounting: { type: 'string', default: 'independent' },
      'costing-scope': { type: 'string', default: 'per_warehouse' },
      'costing-method': { type: 'string', default: 'moving_average' },
      'allow-method-override': { type: 'boolean', default: false },
      'negative-stock': { type: 'string', default: 'forbid' },
      taxpayer: { type: 'string', default: 'general' },
      'quantity-decimals': { type: 'string', default: '2' },
      'price-decimals': { type: 'string', default: '4' },
      'no-approval': { type: 'boolean', default: false },
      admin: { type: 'string', default: 'admin' },
      'admin-name': { type: 'string', default: '管理员' },
      password: { type: 'string' },
    },
  });
  const password = values.password ?? process.env.LEDGER_ADMIN_PASSWORD;
  if (!values.code || !values.name || !password) {
    throw new LedgerError('VALIDATION', `缺少 --code、--name 或 --password。\n用法: ${initUsage}`);
  }
  const response = await engine.callAs(cliActor, 'setup.createBranch', {
    profile: {
      code: values.code,
      name: values.name,
      taxId: values['tax-id'],
      address: values.address,
      phone: values.phone,
      accountingMode: values.accounting,
      costingScope: values['costing-scope'],
      defaultCostingMethod: values['costing-method'],
      allowCostingMethodOverride: values['allow-method-override'],
      negativeStock: values['negative-stock'],
      taxpayerType: values.taxpayer,
      quantityDecimals: Number(values['quantity-decimals']),
      priceDecimals: Number(values['price-decimals']),
      approvalRequired: !values['no-approval'],
    },
    administrator: {
      username: values.admin,
      displayName: values['admin-name'],
      password,
      passwordConfirm: password,
    },
  });
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  return response.result;
}
