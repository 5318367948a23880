export type { Permission } from '../engine/domain/access/permissions';
