import { describe, expect, it } from 'vitest';
import { cliActor, type Engine } from '../../src/engine';
import { administrator, beijingLedger, callFailing, callOk, openLedger, signIn } from './support/ledger';
import { createAccount } from './support/users';

const keeper = {
  username: 'keeper1',
  displayName: '仓管一',
  role: 'keeper',
  password: 'Keeper#2026',
} as const;

/** What a user whose session has ended sees at their next call. */
const sessionEnded = { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录。' };

/** An ordinary call any signed-in user may make. */
const anyCall = (engine: Engine, session: string) => callFailing(engine, 'users.list', {}, session);
const works = async (engine: Engine, session: string) =>
  expect(await callOk(engine, 'users.list', {}, session)).toEqual(expect.any(Array));

async function withKeeper() {
  const ledger = await beijingLedger();
  const { id } = await createAccount(ledger.engine, ledger.adminSession, keeper);
  const sessions = [
    await signIn(ledger.engine, keeper.username, keeper.password),
    await signIn(ledger.engine, keeper.username, keeper.password, '127.0.0.2'),
  ];
  return { ...ledger, keeperId: id, keeperSessions: sessions };
}

describe('what ends a user’s sessions', () => {
  it('a password reset ends every session of the user, and only that user’s', async () => {
    const { engine, adminSession, keeperId, keeperSessions } = await withKeeper();
    await callOk(engine, 'users.resetPassword', { id: keeperId, password: 'New#Password1' }, adminSession);
    for (const session of keeperSessions) expect(await anyCall(engine, session)).toEqual(sessionEnded);
    await works(engine, adminSession);
    const audit = await callOk(engine, 'audit.list', { actionPrefix: 'user.reset' }, adminSession);
    expect(audit.rows[0]?.detail).toBe('下次登录须修改密码；该用户的登录已全部退出');
  });

  it('a role change ends the user’s sessions; signed in again they hold the new role', async () => {
    const { engine, adminSession, keeperId, keeperSessions } = await withKeeper();
    await callOk(engine, 'users.update', { id: keeperId, displayName: '仓管甲' }, adminSession);
    // A new name is no reason to sign anyone out.
    await works(engine, keeperSessions[0]!);
    await callOk(engine, 'users.update', { id: keeperId, role: 'clerk' }, adminSession);
    for (const session of keeperSessions) expect(await anyCall(engine, session)).toEqual(sessionEnded);
    const again = await signIn(engine, keeper.username, keeper.password);
    expect((await callOk(engine, 'auth.currentUser', {}, again)).user.role).toBe('clerk');
  });

  it('a session idle while its account was disabled does not come back when the account is enabled again', async () => {
    const { engine, adminSession, keeperId, keeperSessions } = await withKeeper();
    await callOk(engine, 'users.update', { id: keeperId, active: false }, adminSession);
    await callOk(engine, 'users.update', { id: keeperId, active: true }, adminSession);
    for (const session of keeperSessions) expect(await anyCall(engine, session)).toEqual(sessionEnded);
    await signIn(engine, keeper.username, keeper.password);
  });

  it('a refused change ends nothing: the sessions end in the same transaction as the change', async () => {
    const { engine, adminSession } = await beijingLedger();
    const admin = (await callOk(engine, 'users.accounts', {}, adminSession))[0]!;
    expect(
      (await callFailing(engine, 'users.update', { id: admin.id, role: 'clerk' }, adminSession)).code,
    ).toBe('CONFLICT');
    await works(engine, adminSession);
  });

  it('a reset made by another program on the same file (the command line) ends the sessions of the running app', async () => {
    const { engine, databasePath, clock, keeperId, keeperSessions } = await withKeeper();
    const cli = await openLedger(databasePath, { clock });
    const reset = await cli.callAs(cliActor, 'users.resetPassword', {
      id: keeperId,
      password: 'New#Password1',
    });
    expect(reset.ok).toBe(true);
    for (const session of keeperSessions) expect(await anyCall(engine, session)).toEqual(sessionEnded);
  });

  it('an administrator resetting their own password signs out too, but need not change it again', async () => {
    const { engine, adminSession } = await beijingLedger();
    const admin = (await callOk(engine, 'users.accounts', {}, adminSession))[0]!;
    await callOk(engine, 'users.resetPassword', { id: admin.id, password: 'Admin#Reset1' }, adminSession);
    expect(await anyCall(engine, adminSession)).toEqual(sessionEnded);
    const session = await signIn(engine, administrator.username, 'Admin#Reset1');
    expect((await callOk(engine, 'auth.currentUser', {}, session)).user.mustChangePassword).toBe(false);
    await works(engine, session);
  });
});

describe('a password the administrator reset must be changed at the next login', () => {
  it('until it is changed only 修改密码, signing out and who-am-I work', async () => {
    const { engine, adminSession, keeperId } = await withKeeper();
    await callOk(engine, 'users.resetPassword', { id: keeperId, password: 'Reset#2026' }, adminSession);
    const login = await callOk(engine, 'auth.login', { username: keeper.username, password: 'Reset#2026' });
    expect(login.user.mustChangePassword).toBe(true);
    expect((await callOk(engine, 'users.accounts', {}, adminSession))[1]?.mustChangePassword).toBe(true);
    expect(await anyCall(engine, login.session)).toEqual({
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: '您的密码是管理员设置的，请先修改密码再继续。',
    });
    expect((await callOk(engine, 'auth.currentUser', {}, login.session)).user.mustChangePassword).toBe(true);

    const { session } = await callOk(
      engine,
      'auth.changePassword',
      { currentPassword: 'Reset#2026', newPassword: 'Mine#2026x' },
      login.session,
    );
    expect((await callOk(engine, 'auth.currentUser', {}, session)).user.mustChangePassword).toBe(false);
    await works(engine, session);
    expect((await callOk(engine, 'users.accounts', {}, adminSession))[1]?.mustChangePassword).toBe(false);
  });
});

describe('修改密码: users change their own password', () => {
  it('checks the current password, ends every other session, and answers a new one for this desk', async () => {
    const { engine, adminSession, keeperSessions } = await withKeeper();
    const [here, elsewhere] = keeperSessions as [string, string];
    const { session } = await callOk(
      engine,
      'auth.changePassword',
      { currentPassword: keeper.password, newPassword: 'Keeper#2027' },
      here,
    );
    expect(session).not.toBe(here);
    await works(engine, session);
    expect(await anyCall(engine, elsewhere)).toEqual(sessionEnded);
    // The old token of this desk is replaced, not kept alongside.
    expect(await anyCall(engine, here)).toEqual(sessionEnded);

    expect(
      (await callFailing(engine, 'auth.login', { username: keeper.username, password: keeper.password }))
        .code,
    ).toBe('WRONG_CREDENTIALS');
    await signIn(engine, keeper.username, 'Keeper#2027');
    const audit = await callOk(engine, 'audit.list', { actionPrefix: 'auth.change_password' }, adminSession);
    // This change, and the one the keeper made at their first login (a new account's password is temporary).
    expect(audit.rows.map((row) => [row.action, row.username, row.detail])).toEqual([
      ['auth.change_password', 'keeper1', '本人修改密码，其他登录已全部退出'],
      ['auth.change_password', 'keeper1', '本人修改密码，其他登录已全部退出'],
    ]);
  });

  it('refuses a wrong current password, a new one against the policy, and the same one again, each by field', async () => {
    const { engine, keeperSessions } = await withKeeper();
    const session = keeperSessions[0]!;
    const change = (currentPassword: string, newPassword: string) =>
      callFailing(engine, 'auth.changePassword', { currentPassword, newPassword }, session);

    expect(await change('Wrong#2026', 'Keeper#2027')).toEqual({
      code: 'WRONG_CREDENTIALS',
      message: '当前密码不正确。',
      details: { issues: [{ path: ['currentPassword'], message: '当前密码不正确' }] },
    });
    expect((await change(keeper.password, 'short')).message).toBe('输入有误：【newPassword】密码至少 8 位');
    expect((await change('', 'Keeper#2027')).message).toBe('输入有误：【currentPassword】请输入当前密码');
    expect((await change(keeper.password, keeper.password)).details).toEqual({
      issues: [{ path: ['newPassword'], message: '新密码不能与当前密码相同' }],
    });
    // None of these changed anything or signed anyone out.
    await works(engine, session);
    await signIn(engine, keeper.username, keeper.password);
  });

  it('wrong current passwords count towards the lockout, so an open session cannot guess without limit', async () => {
    const { engine, keeperSessions } = await withKeeper();
    const session = keeperSessions[0]!;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await callFailing(
        engine,
        'auth.changePassword',
        { currentPassword: `Wrong#${attempt}xxx`, newPassword: 'Keeper#2027' },
        session,
      );
    }
    expect(
      (
        await callFailing(
          engine,
          'auth.changePassword',
          { currentPassword: keeper.password, newPassword: 'Keeper#2027' },
          session,
        )
      ).code,
    ).toBe('ACCOUNT_LOCKED');
    expect(
      (await callFailing(engine, 'auth.login', { username: keeper.username, password: keeper.password }))
        .code,
    ).toBe('ACCOUNT_LOCKED');
  });

  it('the command line, which has no session, is told to reset instead', async () => {
    const { engine } = await beijingLedger();
    const answer = await engine.callAs(cliActor, 'auth.changePassword', {
      currentPassword: administrator.password,
      newPassword: 'Other#2026x',
    });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: '只有登录的用户才能修改自己的密码；命令行请用 users.resetPassword。',
      },
    });
  });
});
