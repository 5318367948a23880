/** 办事处 / 部门: an office out in the market, or a department of the branch. */
export const officeKinds = ['office', 'department'] as const;
export type OfficeKind = (typeof officeKinds)[number];

export const officeKindLabels: Record<OfficeKind, string> = { office: '办事处', department: '部门' };
