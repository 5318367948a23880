export * from './branch';
export * from './users';
export * from './settings';
export * from './audit-log';
export * from './change-log';
