import type { ApiRequest, ApiResponse } from '../../../src/shared/api';
import type { WebMode } from './web-mode';

/**
 * The engine of a web-mode run answering one request whole, as the desktop's IPC answers the preload:
 * the per-run token from the printed address, the request's own session.
 */
export function engineDoor(web: WebMode): (request: ApiRequest) => Promise<ApiResponse> {
  const address = new URL(web.url);
  const token = /token=([\w-]+)/.exec(address.hash)?.[1] ?? '';
  return async (request) => {
    const response = await fetch(`${address.origin}/api/${request.method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(request.session ? { 'x-ledger-session': request.session } : {}),
      },
      body: JSON.stringify({ input: request.input }),
    });
    return (await response.json()) as ApiResponse;
  };
}

/**
 * Calls the web-mode API the way the page does (the per-run token from the printed address, and a
 * session once signed in), for setting a test up quickly where the UI path is not what is tested.
 */
export function webApi(web: WebMode) {
  const door = engineDoor(web);
  let session: string | null = null;
  async function call<T = unknown>(method: string, input: unknown): Promise<T> {
    const answer = await door({ method, input, session });
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
    return answer.result as T;
  }
  return {
    call,
    async signIn(username: string, password: string) {
      session = (await call<{ session: string }>('auth.login', { username, password })).session;
    },
  };
}

export const branchAdministrator = { username: 'admin', password: 'Ledger#2026' };

/** A branch set up as the first-run screen would, with its administrator. */
export async function setUpBranch(web: WebMode): Promise<ReturnType<typeof webApi>> {
  const api = webApi(web);
  await api.call('setup.createBranch', {
    profile: {
      code: 'BJ01',
      name: '北京分公司',
      accountingMode: 'independent',
      costingScope: 'per_warehouse',
      defaultCostingMethod: 'moving_average',
      taxpayerType: 'general',
    },
    administrator: {
      ...branchAdministrator,
      displayName: '系统管理员',
      passwordConfirm: branchAdministrator.password,
    },
  });
  await api.signIn(branchAdministrator.username, branchAdministrator.password);
  return api;
}

/**
 * An account made as the administrator makes one (users.create, with a temporary password), whose user then
 * signs in for the first time and chooses `user.password`, as every new user must before anything else:
 * from then on it signs in with `user.password`. For flows where the first login is not what is tested
 * (password-change.test.ts drives that screen).
 */
export async function createAccount(
  web: WebMode,
  admin: ReturnType<typeof webApi>,
  user: { username: string; displayName: string; role: string; password: string },
): Promise<{ id: number }> {
  const temporary = `Temp#${user.password}`;
  const created = await admin.call<{ id: number }>('users.create', { ...user, password: temporary });
  const person = webApi(web);
  await person.signIn(user.username, temporary);
  await person.call('auth.changePassword', { currentPassword: temporary, newPassword: user.password });
  return created;
}
