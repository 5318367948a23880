/**
 * 进销存动态 (DOMAIN.md §9, issue 15): what the offices report of their channel customers' stock, weekly
 * and monthly, and where each report stands. Shared so the pages name them as the engine does.
 */
export const reportKinds = ['weekly', 'monthly'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportKindLabels: Readonly<Record<ReportKind, string>> = {
  weekly: '周报',
  monthly: '月报',
};

/**
 * 已导入 → 已审核 (the clerk checked it, with who and when); a correction after review is a new version and
 * the reviewed one becomes 已替换, kept as it was.
 */
export const reportStatuses = ['imported', 'reviewed', 'superseded'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportStatusLabels: Readonly<Record<ReportStatus, string>> = {
  imported: '已导入',
  reviewed: '已审核',
  superseded: '已替换',
};

/** Where an office's report for a period stands against its deadlines (the board). */
export const deadlineStates = ['missing', 'received', 'on_time', 'late', 'imported_late', 'not_due'] as const;
export type DeadlineState = (typeof deadlineStates)[number];

export const deadlineStateLabels: Readonly<Record<DeadlineState, string>> = {
  missing: '未报',
  received: '已收到待导入',
  on_time: '按时',
  late: '迟报',
  imported_late: '导入超时',
  not_due: '未到期',
};

/** 库存消化天数 bands (issue 15): under a week is short, over a month is too much stock. */
export const coverBands = ['short', 'normal', 'long'] as const;
export type CoverBand = (typeof coverBands)[number];
export const coverBandLabels: Readonly<Record<CoverBand, string>> = {
  short: '少于 7 天',
  normal: '7–30 天',
  long: '超过 30 天',
};
