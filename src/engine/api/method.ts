import type { z } from 'zod';
import type { Permission } from '../domain/access/roles';
import type { AuthState } from '../services/auth/auth-state';
import type { ServiceContext } from '../services/context';
import type { EngineEnv } from '../services/system/engine-env';
import type { MaintenanceGate } from '../services/system/maintenance';

/** Who may call a method: anyone (setup, login), anyone signed in, or holders of a permission. */
export type Access = 'public' | 'signed-in' | Permission;

export interface MethodContext extends ServiceContext {
  session: string | null;
  auth: AuthState;
  env: EngineEnv;
  /** Closed while a restore replaces the books. */
  gate: MaintenanceGate;
}

export interface MethodDef<Schema extends z.ZodType, Result> {
  input: Schema;
  access: Access;
  handler: (ctx: MethodContext, input: z.output<Schema>) => Result | Promise<Result>;
}

/** Declares one API method; the router map of these is the API (ARCHITECTURE.md). */
export function defineMethod<Schema extends z.ZodType, Result>(
  def: MethodDef<Schema, Result>,
): MethodDef<Schema, Result> {
  return def;
}
