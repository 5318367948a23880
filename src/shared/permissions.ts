export type { Permission, Role } from '../engine/domain/access/roles';
