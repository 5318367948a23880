import type { z } from 'zod';
import type { Permission } from '../domain/access/roles';
import type { AuthState } from '../services/auth/auth-state';
import type { ServiceContext } from '../services/context';
import type { EngineEnv } from '../services/system/engine-env';

/** Who may call a method: anyone (setup, login), anyone signed in, or holders of a permission. */
export type Access = 'public' | 'signed-in' | Permission;

export interface MethodContext extends ServiceContext {
  session: string | null;
  /**
   * Where the call came from, as the transport saw it (a web client's address, `desktop` over IPC):
   * never from the input, which the renderer controls. Login throttles by it.
   */
  source: string;
  auth: AuthState;
  env: EngineEnv;
}

export interface MethodDef<Schema extends z.ZodType, Result> {
  input: Schema;
  access: Access;
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
