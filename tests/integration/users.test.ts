import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/engine';
import { beijingLedger, callFailing, callOk, signIn } from './support/ledger';
import { createAccount } from './support/users';

const keeper = {
  username: 'keeper1',
  displayName: '仓管一',
  role: 'keeper',
  password: 'Keeper#2026',
} as const;

describe('user management (用户管理)', () => {
  it('creates a keeper who can sign in with the role given, and lists accounts without hashes', async () => {
    const { engine, adminSession } = await beijingLedger();
    const { id } = await createAccount(engine, adminSession, keeper);
    const session = await signIn(engine, keeper.username, keeper.password);
    expect((await callOk(engine, 'auth.currentUser', {}, session)).user).toMatchObject({
      id,
      role: 'keeper',
    });
    expect((await callFailing(engine, 'users.accounts', {}, session)).code).toBe('FORBIDDEN');

    const accounts = await callOk(engine, 'users.accounts', {}, adminSession);
    expect(accounts.map((account) => account.username)).toEqual(['admin', 'keeper1']);
    expect(JSON.stringify(accounts)).not.toContain('scrypt');
    expect((await callFailing(engine, 'users.create', keeper, adminSession)).message).toBe(
      '用户名 keeper1 已存在。',
    );
  });

  it('a role change or a disabled account takes effect at the next call', async () => {
    const { engine, adminSession } = await beijingLedger();
    const { id } = await createAccount(engine, adminSession, keeper);
    const session = await signIn(engine, keeper.username, keeper.password);
    const goods = { code: 'SP001', name: '鲜牛奶', units: [{ name: '袋', ratio: '1', isBase: true }] };
    expect((await callFailing(engine, 'goods.save', { id: null, goods }, session)).code).toBe('FORBIDDEN');
    await callOk(engine, 'users.update', { id, role: 'clerk' }, adminSession);
    // The keeper's session ended with the role (sessions.test.ts); signed in again, they are a clerk.
    expect((await callFailing(engine, 'auth.currentUser', {}, session)).code).toBe('UNAUTHENTICATED');
    const asClerk = await signIn(engine, keeper.username, keeper.password);
    expect((await callOk(engine, 'auth.currentUser', {}, asClerk)).permissions).toContain('masterData.edit');
    await callOk(engine, 'users.update', { id, active: false }, adminSession);
    expect((await callFailing(engine, 'auth.currentUser', {}, asClerk)).code).toBe('UNAUTHENTICATED');
  });

  it('never leaves the branch without an administrator', async () => {
    const { engine, adminSession } = await beijingLedger();
    const admin = (await callOk(engine, 'users.accounts', {}, adminSession))[0]!;
    const refusal = '这是唯一的管理员账户，不能停用或改为其他角色；请先另设一位管理员。';
    expect(
      (await callFailing(engine, 'users.update', { id: admin.id, role: 'clerk' }, adminSession)).message,
    ).toBe(refusal);
    expect(
      (await callFailing(engine, 'users.update', { id: admin.id, active: false }, adminSession)).message,
    ).toBe(refusal);
    await createAccount(engine, adminSession, { ...keeper, username: 'admin2', role: 'admin' });
    await callOk(engine, 'users.update', { id: admin.id, role: 'manager' }, adminSession);
  });

  it('a password reset or an unlock ends a lockout, and each is audited', async () => {
    const { engine, adminSession } = await beijingLedger();
    const { id } = await createAccount(engine, adminSession, keeper);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await callFailing(engine, 'auth.login', { username: keeper.username, password: 'wrong-password' });
    }
    expect(
      (await callFailing(engine, 'auth.login', { username: keeper.username, password: keeper.password }))
        .code,
    ).toBe('ACCOUNT_LOCKED');
    await callOk(engine, 'users.unlock', { id }, adminSession);
    await signIn(engine, keeper.username, keeper.password);

    await callOk(engine, 'users.resetPassword', { id, password: 'New#Password1' }, adminSession);
    expect(
      (await callFailing(engine, 'auth.login', { username: keeper.username, password: keeper.password }))
        .code,
    ).toBe('WRONG_CREDENTIALS');
    await signIn(engine, keeper.username, 'New#Password1');
    const actions = (await callOk(engine, 'audit.list', { actionPrefix: 'user.' }, adminSession)).rows.map(
      (row) => row.action,
    );
    expect(actions).toEqual(['user.reset_password', 'user.unlock', 'user.create', 'user.create']);
  });
});

describe('the password of a new account is temporary (ASVS 2.3.1)', () => {
  it('a user the administrator created must choose their own at the first login, and only then works', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(engine, 'users.create', keeper, adminSession);
    expect((await callOk(engine, 'users.accounts', {}, adminSession))[1]).toMatchObject({
      username: 'keeper1',
      mustChangePassword: true,
    });
    const first = await callOk(engine, 'auth.login', {
      username: keeper.username,
      password: keeper.password,
    });
    expect(first.user.mustChangePassword).toBe(true);
    expect(await callFailing(engine, 'warehouse.queue', {}, first.session)).toEqual({
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: '您的密码是管理员设置的，请先修改密码再继续。',
    });

    const { session } = await callOk(
      engine,
      'auth.changePassword',
      { currentPassword: keeper.password, newPassword: 'Mine#2026x' },
      first.session,
    );
    expect(await callOk(engine, 'warehouse.queue', {}, session)).toEqual([]);
    expect((await callOk(engine, 'users.accounts', {}, adminSession))[1]?.mustChangePassword).toBe(false);
    const audit = await callOk(engine, 'audit.list', { action: 'user.create' }, adminSession);
    expect(audit.rows[0]?.detail).toBe('仓管一（keeper）；首次登录须修改密码');
  });

  it('so is one made from the command line (ledger call users.create)', async () => {
    const { engine, adminSession } = await beijingLedger();
    const created = await engine.callAs(cliActor, 'users.create', keeper);
    expect(created.ok).toBe(true);
    const first = await callOk(engine, 'auth.login', {
      username: keeper.username,
      password: keeper.password,
    });
    expect(first.user.mustChangePassword).toBe(true);
    expect((await callOk(engine, 'users.accounts', {}, adminSession))[1]?.mustChangePassword).toBe(true);
  });

  it('the administrator setup made chose their own password and is not asked to change it', async () => {
    const { engine, adminSession } = await beijingLedger();
    expect((await callOk(engine, 'auth.currentUser', {}, adminSession)).user.mustChangePassword).toBe(false);
    expect((await callOk(engine, 'users.accounts', {}, adminSession))[0]).toMatchObject({
      username: 'admin',
      mustChangePassword: false,
    });
    expect(await callOk(engine, 'warehouse.queue', {}, adminSession)).toEqual([]);
  });
});
