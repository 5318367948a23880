import type { Permission } from '../../shared/permissions';
import { useSession } from './SessionContext';

/**
 * Whether the signed-in user holds a permission, to hide what they could not do anyway. The
 * engine's router still checks every call; this only keeps buttons honest.
 */
export function usePermission(permission: Permission): boolean {
  return useSession().current.permissions.includes(permission);
}
