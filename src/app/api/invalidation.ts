import type { QueryClient } from '@tanstack/react-query';
import type { ApiMethod } from '../../shared/api';

/**
 * The methods that only read: their answers are what the renderer caches (keyed `[method, input]`),
 * and what a write can make stale. Every other method of the API is a write and has its line in
 * `staleAfter` below; the type makes a new write without one a compile error, and
 * tests/unit/app/invalidation.test.ts holds this list to the router.
 */
export const readMethods = [
  'audit.list',
  'auth.currentUser',
  'branch.profile',
  'calendar.list',
  'categories.list',
  'channelReports.board',
  'channelReports.get',
  'channelReports.template',
  'contracts.attachment',
  'contracts.execution',
  'contracts.get',
  'contracts.list',
  'contracts.print',
  'contracts.rebatePolicy',
  'contracts.requirements',
  'contracts.signingBoard',
  'contracts.signingTemplate',
  'counterparties.get',
  'counterparties.list',
  'counterparties.search',
  'documents.fromOrder',
  'documents.get',
  'documents.list',
  'employees.get',
  'employees.list',
  'export.columns',
  'export.list',
  'goods.get',
  'goods.list',
  'goods.search',
  'import.errorReport',
  'import.fields',
  'import.logs',
  'import.preview',
  'import.template',
  'money.balances',
  'money.credit',
  'money.internalAccounts',
  'money.openItems',
  'money.settlements',
  'numbering.list',
  'offices.get',
  'offices.list',
  'periods.list',
  'prices.history',
  'prices.last',
  'print.calibrationPage',
  'print.templates',
  'printTemplates.appearance',
  'printTemplates.export',
  'printTemplates.get',
  'printTemplates.list',
  'printTemplates.preview',
  'reports.aging',
  'reports.channelActivity',
  'reports.channelDaysOfStock',
  'reports.channelNetShipments',
  'reports.channelTwoSources',
  'reports.columns',
  'reports.export',
  'reports.grossProfit',
  'reports.inTransit',
  'reports.lotExpiry',
  'reports.orderExecution',
  'reports.periodSummary',
  'reports.priceHistory',
  'reports.contractRewards',
  'reports.contractedCustomers',
  'reports.print',
  'reports.statement',
  'reports.stockAlerts',
  'reports.stockBalance',
  'reports.stockCard',
  'reports.uncontractedCustomers',
  'roles.list',
  'settings.get',
  'setup.status',
  'stock.available',
  'system.backups',
  'system.info',
  'system.verify',
  'upload.packages',
  'upload.settings.get',
  'upload.status',
  'users.accounts',
  'users.list',
  'warehouse.queue',
  'warehouses.get',
  'warehouses.list',
] as const satisfies readonly ApiMethod[];

export type ReadMethod = (typeof readMethods)[number];
export type WriteMethod = Exclude<ApiMethod, ReadMethod>;

/** What stock moving changes: 可用库存 on a sale being entered, the stock reports, the profit on cost. */
const stockReads = [
  'stock.available',
  'reports.stockBalance',
  'reports.stockCard',
  'reports.periodSummary',
  'reports.inTransit',
  'reports.stockAlerts',
  'reports.lotExpiry',
  'reports.grossProfit',
] as const satisfies readonly ReadMethod[];

/** What a receivable or payable changing moves: balances, open items, 信用 of a customer, statements. */
const moneyReads = [
  'money.balances',
  'money.openItems',
  'money.settlements',
  'money.internalAccounts',
  'money.credit',
  'reports.statement',
  'reports.aging',
] as const satisfies readonly ReadMethod[];

/**
 * A document written or moved on: the document and its lists, the keeper's queue, an order's execution,
 * the last prices; and, since approving or confirming posts it (DOMAIN.md §5), stock and money too.
 */
const documentReads = [
  'documents.list',
  'documents.get',
  'documents.fromOrder',
  'warehouse.queue',
  'prices.last',
  'prices.history',
  'reports.priceHistory',
  'reports.orderExecution',
  // The branch's deliveries are one of the channel reports' two sources.
  'reports.channelTwoSources',
  'reports.channelActivity',
  ...stockReads,
  ...moneyReads,
] as const satisfies readonly ReadMethod[];

/** Goods, counterparties, warehouses, offices, employees: the lists, records and pickers of master data. */
const masterDataReads = [
  'categories.list',
  'counterparties.get',
  'counterparties.list',
  'counterparties.search',
  'employees.get',
  'employees.list',
  'goods.get',
  'goods.list',
  'goods.search',
  'offices.get',
  'offices.list',
  'warehouses.get',
  'warehouses.list',
] as const satisfies readonly ReadMethod[];

/**
 * The one map of which reads each write makes stale. An empty list says the write changes nothing the
 * renderer caches (signing in and out start from an empty cache; a backup changes no record).
 */
/** The outbox and the badge: what sending, building and re-offering a package change. */
const uploadReads: readonly ReadMethod[] = ['upload.status', 'upload.packages'];

/** A contract written or moved on: the contract, its list and its execution. */
const contractReads: readonly ReadMethod[] = [
  'contracts.list',
  'contracts.get',
  'contracts.execution',
  'reports.contractRewards',
  'reports.contractedCustomers',
  'reports.uncontractedCustomers',
];

/** What the offices' channel reports show: the board and each report. */
const channelReads: readonly ReadMethod[] = [
  'channelReports.board',
  'channelReports.get',
  'reports.channelNetShipments',
  'reports.channelDaysOfStock',
  'reports.channelTwoSources',
  'reports.channelActivity',
];

/** A settlement also posts a 返利单: the documents and money it moves. */
const settlementReads: readonly ReadMethod[] = [...contractReads, ...documentReads];

/** The templates page and what each print offers to print on. */
const templateReads: readonly ReadMethod[] = [
  'printTemplates.list',
  'printTemplates.get',
  'printTemplates.export',
  'print.templates',
];

export const staleAfter: Readonly<Record<WriteMethod, readonly ReadMethod[]>> = {
  'auth.login': [],
  'auth.logout': [],
  // The new session sees the same user, now free of a reset password's 须修改密码.
  'auth.changePassword': ['auth.currentUser', 'users.accounts'],
  'branch.update': ['branch.profile', 'auth.currentUser'],
  'counterparties.save': [
    'counterparties.get',
    'counterparties.list',
    'counterparties.search',
    // A customer's credit limit is part of the customer.
    'money.credit',
  ],
  'documents.save': documentReads,
  'documents.submit': documentReads,
  // A print is kept in the document's events: the document shows it.
  'print.document': ['documents.get'],
  // A template saved, copied, imported, made the default or removed changes what every print offers.
  'printTemplates.save': templateReads,
  'calendar.set': ['calendar.list'],
  'calendar.remove': ['calendar.list'],
  'channelReports.received': channelReads,
  'channelReports.review': channelReads,
  'contracts.save': contractReads,
  'contracts.delete': contractReads,
  'contracts.submit': contractReads,
  'contracts.withdraw': contractReads,
  'contracts.approve': contractReads,
  'contracts.unapprove': contractReads,
  'contracts.start': contractReads,
  'contracts.end': contractReads,
  'contracts.void': contractReads,
  'contracts.amend': contractReads,
  'contracts.decideAmendment': contractReads,
  'contracts.attach': ['contracts.get'],
  'contracts.settle': settlementReads,
  'contracts.unsettle': settlementReads,
  'contracts.setRequirements': ['contracts.requirements'],
  'contracts.setRebatePolicy': ['contracts.rebatePolicy'],
  'contracts.tableReceived': ['contracts.signingBoard'],
  'printTemplates.copy': templateReads,
  'printTemplates.restore': templateReads,
  'printTemplates.setDefault': templateReads,
  'printTemplates.delete': templateReads,
  'printTemplates.import': templateReads,
  'printTemplates.setAppearance': ['printTemplates.appearance', 'printTemplates.preview'],
  'documents.approve': documentReads,
  'documents.close': documentReads,
  'documents.unapprove': documentReads,
  'documents.void': documentReads,
  'documents.delete': documentReads,
  'documents.reverse': documentReads,
  'employees.save': ['employees.get', 'employees.list'],
  'goods.save': ['goods.get', 'goods.list', 'goods.search', 'categories.list'],
  // An import may create goods, categories, counterparties, offices, salespeople and documents.
  'import.commit': readMethods,
  'masterData.setActive': masterDataReads,
  'masterData.delete': masterDataReads,
  'masterData.restore': masterDataReads,
  'masterData.purge': masterDataReads,
  'money.settle': moneyReads,
  'money.autoSettle': moneyReads,
  'money.reverseSettlement': moneyReads,
  'numbering.save': ['numbering.list'],
  'offices.save': ['offices.get', 'offices.list'],
  // A closed month refuses changes before it: what documents allow, and the month's figures.
  'periods.close': ['periods.list', ...documentReads],
  'periods.reopen': ['periods.list', ...documentReads],
  'settings.update': ['settings.get'],
  'setup.createBranch': ['setup.status'],
  'system.backup': ['system.info', 'system.backups'],
  // Reads the backup through a copy it makes and removes: nothing to cache, nothing cached changes.
  'system.restorePreview': [],
  // The books are the backup's now: everything read before is stale (and the session has ended).
  'system.restore': readMethods,
  'system.checkIntegrity': ['audit.list'],
  'system.setBackupPassphrase': ['system.info'],
  // Holders of a changed role may now see other menus.
  'roles.save': ['roles.list', 'auth.currentUser'],
  'roles.delete': ['roles.list'],
  'users.create': ['users.accounts', 'users.list', 'roles.list'],
  'users.update': ['users.accounts', 'users.list', 'roles.list'],
  'users.resetPassword': ['users.accounts'],
  'users.unlock': ['users.accounts'],
  // Confirming posts the document: 可用库存 and a customer's 信用 move with it.
  'warehouse.confirm': documentReads,
  // A warehouse's keepers decide whose queue its documents are in.
  'warehouses.save': ['warehouses.get', 'warehouses.list', 'warehouse.queue'],
  'upload.run': uploadReads,
  'upload.build': uploadReads,
  'upload.resend': uploadReads,
  // Exporting builds a package when none is waiting.
  'upload.export': uploadReads,
  'upload.settings.update': ['upload.settings.get', ...uploadReads],
};

const reads: ReadonlySet<string> = new Set(readMethods);

export function isReadMethod(method: ApiMethod): method is ReadMethod {
  return reads.has(method);
}

/** The reads a call makes stale: none for a read. */
export function staleReadsAfter(method: ApiMethod): readonly ReadMethod[] {
  return isReadMethod(method) ? [] : staleAfter[method];
}

/** Marks what a write made stale: open screens read again, the rest when next shown. */
export function markStale(queryClient: QueryClient, method: ApiMethod): Promise<void> {
  return Promise.all(
    staleReadsAfter(method).map((read) => queryClient.invalidateQueries({ queryKey: [read] })),
  ).then(() => undefined);
}
