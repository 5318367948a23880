import * as XLSX from '@e965/xlsx';
import type { ApiInput } from '../../../shared/api';
import { LedgerError } from '../../../shared/ledger-error';
import { formatScaled } from '../../../shared/numbers/decimal';
import { fenScale } from '../../../shared/numbers/scales';
import { customerReachOf } from '../access/customer-scope';
import { grantOf } from '../access/role-grants';
import type { Actor } from '../context';
import { cliActor } from '../context';
import { callAs, type DemoEngine } from './demo-api';
import type { DemoModel } from './demo-model';

/**
 * The demo branch's master data, entered as its people would: the administrator creates the users,
 * the clerk keeps warehouses, offices, counterparties, and imports head office's goods catalogue.
 * Returns the database ids by the model's indexes, and the actors the documents are entered as.
 */

export interface DemoBranch {
  readonly goodsIds: readonly number[];
  readonly warehouseIds: readonly number[];
  readonly supplierIds: readonly number[];
  readonly customerIds: readonly number[];
  /** Per office: its id, and its salespeople's employee ids. */
  readonly offices: readonly { readonly id: number; readonly salespeople: readonly number[] }[];
  readonly clerk: Actor;
  readonly manager: Actor;
  /** Closes the months (月结). */
  readonly accountant: Actor;
  /** Per warehouse. */
  readonly keepers: readonly Actor[];
  readonly approvalRequired: boolean;
}

export const demoBranchProfile = {
  code: 'BJ01',
  name: '北京分公司',
  address: '北京市朝阳区物流园区路 8 号',
  phone: '010-84561234',
  accountingMode: 'independent',
  costingScope: 'per_warehouse',
  defaultCostingMethod: 'moving_average',
  // Fresh goods are costed first in, first out, lot by lot; everything else by moving average.
  allowCostingMethodOverride: true,
  negativeStock: 'forbid',
  taxpayerType: 'general',
  approvalRequired: true,
} satisfies ApiInput<'setup.createBranch'>['profile'];

const yuan = (fen: number) => formatScaled(fen, fenScale, 2);

/** Head office's goods catalogue as the .xlsx it sends, in the import template's columns. */
function goodsCatalogue(model: DemoModel): string {
  const header = [
    '商品编码',
    '商品名称',
    '规格型号',
    '商品类别',
    '品牌',
    '基本单位',
    '基本单位条码',
    '基本单位进价',
    '基本单位批发价',
    '建议零售价',
    '大单位',
    '大单位换算率',
    '大单位条码',
    '大单位进价',
    '大单位批发价',
    '税率',
    '保质期(天)',
    '批次管理',
    '计价方法',
  ];
  const rows = model.goods.map((item) => [
    item.code,
    item.name,
    item.spec,
    item.category,
    item.brand,
    item.baseUnit,
    item.baseBarcode,
    yuan(Math.round(item.boxPurchaseFen / item.boxRatio)),
    yuan(Math.round((item.boxSaleFen * 103) / 100 / item.boxRatio)),
    yuan(Math.round((item.boxSaleFen * 130) / 100 / item.boxRatio / 10) * 10),
    '箱',
    item.boxRatio,
    item.boxBarcode,
    yuan(item.boxPurchaseFen),
    yuan(item.boxSaleFen),
    `${item.taxRate}%`,
    item.shelfLifeDays,
    item.lotTracked ? '是' : '否',
    item.lotTracked ? '先进先出' : '',
  ]);
  const sheet = XLSX.utils.aoa_to_sheet([['商品目录（总部下发，价格不含税）'], header, ...rows]);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, '商品目录');
  return (XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer).toString(
    'base64',
  );
}

export async function enterMasterData(
  engine: DemoEngine,
  model: DemoModel,
  password: string,
): Promise<DemoBranch> {
  const admin = cliActor;
  const user = async (person: { username: string; displayName: string }, role: string): Promise<Actor> => {
    const { id } = await callAs(engine, admin, 'users.create', { ...person, role, password });
    const grant = grantOf(engine.db.$client, role)!;
    return {
      userId: id,
      ...person,
      role,
      permissions: grant.permissions,
      warehouseScope: grant.warehouseScope,
      customerReach: customerReachOf(engine.db.$client, id, grant.customerScope),
    };
  };
  const clerk = await user(model.clerk, 'clerk');
  const manager = await user(model.manager, 'manager');
  const accountant = await user(model.accountant, 'accountant');
  const keepers: Actor[] = [];
  for (const warehouse of model.warehouses) keepers.push(await user(warehouse.keeper, 'keeper'));

  const warehouseIds: number[] = [];
  for (const [index, warehouse] of model.warehouses.entries()) {
    // Who keeps a warehouse is the administrator's to say (仓库的仓管员·修改), not the clerk's.
    const saved = await callAs(engine, admin, 'warehouses.save', {
      id: null,
      warehouse: {
        code: warehouse.code,
        name: warehouse.name,
        address: warehouse.address,
        keeperIds: [keepers[index]!.userId!],
      },
    });
    warehouseIds.push(saved.id);
  }

  const offices: { id: number; salespeople: number[] }[] = [];
  let employeeNumber = 0;
  const employee = async (name: string, officeId: number, title: string) =>
    (
      await callAs(engine, clerk, 'employees.save', {
        id: null,
        employee: { code: `ZY${String(++employeeNumber).padStart(3, '0')}`, name, officeId, title },
      })
    ).id;
  for (const office of model.offices) {
    const { id } = await callAs(engine, clerk, 'offices.save', {
      id: null,
      office: { code: office.code, name: office.name, kind: 'office' },
    });
    await employee(office.head, id, '办事处主任');
    const salespeople: number[] = [];
    for (const name of office.salespeople) salespeople.push(await employee(name, id, '业务员'));
    offices.push({ id, salespeople });
  }

  const supplierIds: number[] = [];
  for (const supplier of model.suppliers) {
    const saved = await callAs(engine, clerk, 'counterparties.save', {
      id: null,
      counterparty: {
        code: supplier.code,
        name: supplier.name,
        kind: 'supplier',
        isInternal: supplier.internal,
        internalBranchCode: supplier.internal ? 'HQ' : null,
        paymentTermDays: supplier.internal ? 30 : 15,
      },
    });
    supplierIds.push(saved.id);
  }

  const customerIds: number[] = [];
  for (const customer of model.customers) {
    const office = offices[customer.office]!;
    // The accountant, who sets credit limits (信用额度·修改), opens the customers that have one.
    const saved = await callAs(
      engine,
      customer.creditLimitYuan === null ? clerk : accountant,
      'counterparties.save',
      {
        id: null,
        counterparty: {
          code: customer.code,
          name: customer.name,
          kind: 'customer',
          channelTier: customer.tier,
          parentId: customer.parent === null ? null : customerIds[customer.parent]!,
          officeId: office.id,
          salespersonId: office.salespeople[customer.salesperson]!,
          region: model.offices[customer.office]!.name.replace('办事处', ''),
          creditLimit: customer.creditLimitYuan === null ? null : String(customer.creditLimitYuan),
          paymentTermDays: customer.paymentTermDays,
          contacts: [{ name: customer.contact, phone: customer.phone, role: '采购' }],
        },
      },
    );
    customerIds.push(saved.id);
  }

  const imported = await callAs(engine, clerk, 'import.commit', {
    entity: 'goods',
    fileName: '商品目录-总部下发.xlsx',
    contentBase64: goodsCatalogue(model),
  });
  if (imported.created !== model.goods.length) {
    throw new LedgerError(
      'INTERNAL',
      `演示商品目录导入了 ${imported.created} 个商品，应为 ${model.goods.length} 个。`,
      {
        errors: imported.errors.slice(0, 5),
      },
    );
  }
  const idByCode = new Map(
    (engine.db.$client.prepare('SELECT id, code FROM goods').all() as { id: number; code: string }[]).map(
      (row) => [row.code, row.id],
    ),
  );
  const approvalRequired = (
    engine.db.$client.prepare('SELECT approval_required AS required FROM branch_profile').get() as {
      required: number;
    }
  ).required;
  return {
    goodsIds: model.goods.map((item) => idByCode.get(item.code)!),
    warehouseIds,
    supplierIds,
    customerIds,
    offices,
    clerk,
    manager,
    accountant,
    keepers,
    approvalRequired: approvalRequired === 1,
  };
}
