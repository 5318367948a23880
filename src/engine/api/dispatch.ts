import { z } from 'zod';
import type { ApiRequest, ApiResponse } from '../../shared/api';
import { LedgerError } from '../../shared/ledger-error';
import { type Actor, actorMay, anonymousActor, type Clock } from '../services/context';
import { customerReachOf } from '../services/access/customer-scope';
import { grantOf } from '../services/access/role-grants';
import { permissionLabel, type Permission } from '../domain/access/permissions';
import { isDatabaseBusy, type LedgerDb } from '../db/connection';
import type { AuthState } from '../services/auth/auth-state';
import type { EngineEnv } from '../services/system/engine-env';
import type { MaintenanceGate } from '../services/system/maintenance';
import { findSessionUser } from '../services/auth/find-session-user';
import type { MethodContext } from './method';
import { isMethodName, router } from './router';

// Validation messages reach clerks: zod's own texts in Chinese where a schema gives none of its own.
z.config(z.locales.zhCN());

export interface DispatchDeps {
  db: LedgerDb;
  clock: Clock;
  auth: AuthState;
  env: EngineEnv;
  gate: MaintenanceGate;
}

/** What the transport knows of a call beyond the request itself; never taken from the request. */
export interface CallOrigin {
  /** A web client's address, `desktop` for the Electron window, `cli` for the command line. */
  source: string;
}

function validationError(error: z.ZodError): LedgerError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  const text = issues.map((issue) =>
    issue.path.length > 0 ? `【${issue.path.join('.')}】${issue.message}` : issue.message,
  );
  return new LedgerError('VALIDATION', `输入有误：${text.join('；')}`, { issues });
}

function actorFor(deps: DispatchDeps, session: string | null | undefined): Actor | null {
  if (!session) return null;
  const opened = deps.auth.sessions.resolve(session, deps.clock.now());
  if (opened === null) return null;
  const user = findSessionUser(deps.db, opened);
  if (!user) {
    deps.auth.sessions.revoke(session);
    return null;
  }
  // A role removed meanwhile grants nothing: the user stays signed in but may do nothing until given one.
  const grant = grantOf(deps.db.$client, user.role) ?? {
    permissions: new Set(),
    warehouseScope: 'kept',
    customerScope: 'own',
  };
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    permissions: grant.permissions,
    warehouseScope: grant.warehouseScope,
    customerReach: customerReachOf(deps.db.$client, user.id, grant.customerScope),
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Runs one API call: the method must exist, its input must pass its schema (the renderer is
 * untrusted), and the caller must hold its permission. `actor` is given by in-process callers
 * (the CLI); transports pass a session instead.
 */
export async function dispatch(
  deps: DispatchDeps,
  request: ApiRequest,
  origin: CallOrigin,
  actor?: Actor,
): Promise<ApiResponse> {
  try {
    if (!isMethodName(request.method)) {
      throw new LedgerError('UNKNOWN_METHOD', `没有名为 ${request.method} 的操作。`);
    }
    deps.gate.assertOpen();
    const method = router[request.method];
    const caller = actor ?? actorFor(deps, request.session) ?? anonymousActor;

    const refuse = (permission: Permission) => {
      throw new LedgerError(
        'FORBIDDEN',
        `当前用户没有权限执行此操作（${request.method}：${permissionLabel(permission)}）。`,
        { permission },
      );
    };
    if (method.access !== 'public') {
      if (caller.role === null) throw new LedgerError('UNAUTHENTICATED', '登录已失效，请重新登录。');
      if (caller.mustChangePassword === true && !('beforePasswordChange' in method)) {
        throw new LedgerError('PASSWORD_CHANGE_REQUIRED', '您的密码是管理员设置的，请先修改密码再继续。');
      }
      // A permission fixed by the method is checked before the input is looked at, so a caller
      // without it learns nothing from validation messages.
      if (
        typeof method.access === 'string' &&
        method.access !== 'signed-in' &&
        !actorMay(caller, method.access)
      )
        refuse(method.access);
    }

    const parsed = method.input.safeParse(request.input ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    if (typeof method.access === 'function') {
      const permission = (method.access as (input: unknown) => Permission)(parsed.data);
      if (!actorMay(caller, permission)) refuse(permission);
    }

    const ctx: MethodContext = {
      db: deps.db,
      clock: deps.clock,
      actor: caller,
      session: request.session ?? null,
      source: origin.source,
      auth: deps.auth,
      env: deps.env,
      gate: deps.gate,
    };
    // Each method's input type is tied to its own handler; the map lookup loses that link.
    const handler = method.handler as (ctx: MethodContext, input: unknown) => unknown;
    return { ok: true, result: await handler(ctx, parsed.data) };
  } catch (error) {
    if (error instanceof LedgerError) return { ok: false, error: error.toApiError() };
    // The transaction was rolled back whole: nothing was written, and the clerk can simply try again.
    if (isDatabaseBusy(error)) {
      return { ok: false, error: { code: 'BUSY', message: '另一个程序正在写入账簿，请稍后重试。' } };
    }
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `程序内部错误：${(error as Error).message ?? String(error)}` },
    };
  }
}
