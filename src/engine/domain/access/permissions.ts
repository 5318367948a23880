/**
 * What a role may do, as areas and the actions on each (ERPNext's permission levels, per area): a
 * permission is `area.action`. The API router checks one for every method (api/dispatch.ts); the
 * engine removes cost figures from every output for a role without `cost.view`
 * (services/access/field-hiding.ts). Roles are editable sets of these (roles table).
 */
export const permissionAreas = {
  system: ['view'],
  settings: ['edit'],
  audit: ['view'],
  backup: ['create', 'restore'],
  /** Users and the roles they hold. */
  users: ['edit'],
  masterData: ['view', 'create', 'edit', 'delete', 'purge', 'import', 'export'],
  documents: ['view', 'create', 'edit', 'approve', 'unapprove', 'void', 'print', 'export'],
  /** The keeper's: confirming inbound and outbound, printing slips. */
  warehouse: ['confirm', 'print'],
  stock: ['view'],
  /** Any report's .xlsx. */
  reports: ['export'],
  period: ['close', 'reopen'],
  money: ['view', 'settle'],
  /** 年度协议: reading, keeping drafts and importing signing tables, approving them, settling rebates. */
  contracts: ['view', 'edit', 'approve', 'settle'],
  /** 进销存动态: reading the offices' channel reports and their figures, importing them, reviewing them. */
  channel: ['view', 'import', 'review'],
  profit: ['view'],
  /** Unit cost, cost of goods, stock value and purchase prices: hidden from every output without it. */
  cost: ['view'],
  /** Fields that protect the branch's money: changed only by whoever holds their own permission. */
  creditLimit: ['edit'],
  minSalePrice: ['edit'],
  warehouseKeepers: ['edit'],
  /** 上传总部: seeing the outbox, sending now, and (the administrator's) head office's address and keys. */
  upload: ['view', 'run', 'configure'],
} as const;

export type PermissionArea = keyof typeof permissionAreas;
export type Permission = {
  [Area in PermissionArea]: `${Area}.${(typeof permissionAreas)[Area][number]}`;
}[PermissionArea];

export const permissions: readonly Permission[] = Object.entries(permissionAreas).flatMap(([area, actions]) =>
  actions.map((action) => `${area}.${action}` as Permission),
);

const known = new Set<string>(permissions);

export function isPermission(text: string): text is Permission {
  return known.has(text);
}

const areaLabels: Record<PermissionArea, string> = {
  system: '系统信息',
  settings: '设置',
  audit: '审计日志',
  backup: '备份',
  users: '用户与角色',
  masterData: '基础资料',
  documents: '单据',
  warehouse: '仓库',
  stock: '库存',
  reports: '报表',
  period: '月结',
  money: '往来款项',
  contracts: '合同',
  channel: '进销存动态',
  profit: '毛利',
  cost: '成本',
  creditLimit: '信用额度',
  minSalePrice: '最低售价',
  warehouseKeepers: '仓库的仓管员',
  upload: '上传总部',
};

const actionLabels: Record<string, string> = {
  view: '查看',
  create: '新增',
  edit: '修改',
  delete: '停用与删除',
  purge: '彻底删除',
  import: '导入',
  export: '导出',
  approve: '审核',
  review: '审核',
  unapprove: '反审核',
  void: '作废与红冲',
  print: '打印',
  confirm: '出入库确认',
  restore: '恢复',
  close: '月结',
  reopen: '反月结',
  settle: '收付款与核销',
  run: '立即上传',
  configure: '配置',
};

/** Where an area's action means more than its generic word. */
const permissionLabelOverrides: Partial<Record<Permission, string>> = { 'contracts.settle': '合同·返利结算' };

/** How a message names a permission: 基础资料·修改. */
export function permissionLabel(permission: Permission): string {
  const override = permissionLabelOverrides[permission];
  if (override) return override;
  const [area, action] = permission.split('.') as [PermissionArea, string];
  return `${areaLabels[area]}·${actionLabels[action]}`;
}
