import type { z } from 'zod';
import type { Permission } from '../domain/access/roles';
import type { AuthState } from '../services/auth/auth-state';
import type { ServiceContext } from '../services/context';
import type { EngineEnv } from '../services/system/engine-env';
import type { MaintenanceGate } from '../services/system/maintenance';

/**
 * Who may call a method: anyone (setup, login), anyone signed in, or holders of a permission — which
 * may depend on the input: a save with no id creates the record (`masterData.create`), one with an id
 * changes it (`masterData.edit`).
 */
export type Access<Input = unknown> = 'public' | 'signed-in' | Permission | ((input: Input) => Permission);

export interface MethodContext extends ServiceContext {
  session: string | null;
  /**
   * Where the call came from, as the transport saw it (a web client's address, `desktop` over IPC):
   * never from the input, which the renderer controls. Login throttles by it.
   */
  source: string;
  auth: AuthState;
  env: EngineEnv;
  /** Closed while a restore replaces the books. */
  gate: MaintenanceGate;
}

export interface MethodDef<Schema extends z.ZodType, Result> {
  input: Schema;
  access: Access<z.output<Schema>>;
  /**
   * Callable by a user who must still change a password the administrator reset (signing out,
   * reading who is signed in, changing it); everything else waits until they have.
   */
  beforePasswordChange?: true;
  handler: (ctx: MethodContext, input: z.output<Schema>) => Result | Promise<Result>;
}

/** Declares one API method; the router map of these is the API (ARCHITECTURE.md). */
export function defineMethod<Schema extends z.ZodType, Result>(
  def: MethodDef<Schema, Result>,
): MethodDef<Schema, Result> {
  return def;
}

/** The permission of a save: creating a record, or changing one (`id` given). */
export const saveAccess =
  (create: Permission, edit: Permission) =>
  (input: { id: number | null }): Permission =>
    input.id === null ? create : edit;
