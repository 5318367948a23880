import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import {
  administrator,
  beijingLedger,
  callFailing,
  callOk,
  newLedger,
  setUpBeijing,
  signIn,
} from './support/ledger';

const minute = 60 * 1000;
const wrong = { username: administrator.username, password: 'Ledger-2025!' };
const right = { username: administrator.username, password: administrator.password };

/** How the lock message shows the time: the clerk's local HH:mm. */
function localTime(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

interface AdminLoginState {
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_hash: string;
}

/** What the users table holds for `admin`, read straight from the file. */
function adminRow(engine: Engine): AdminLoginState {
  return engine.db.$client
    .prepare(
      "SELECT failed_attempts, locked_until, last_login_at, password_hash FROM users WHERE username = 'admin'",
    )
    .get() as AdminLoginState;
}

describe('signing in', () => {
  it('gives a session that knows the user, the branch and what the user may do', async () => {
    const ledger = await newLedger();
    await setUpBeijing(ledger.engine);
    const login = await callOk(ledger.engine, 'auth.login', right);
    expect(login.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.user).toEqual({
      id: expect.any(Number),
      username: 'admin',
      displayName: '张经理',
      role: 'admin',
    });

    expect(await callOk(ledger.engine, 'auth.currentUser', {}, login.session)).toEqual({
      user: login.user,
      branch: { code: 'BJ01', name: '北京分公司', accountingMode: 'independent' },
      permissions: [
        'system.view',
        'settings.edit',
        'audit.view',
        'backup.create',
        'users.edit',
        'masterData.view',
        'masterData.edit',
        'masterData.purge',
        'masterData.import',
        'documents.view',
        'documents.edit',
        'documents.approve',
        'warehouse.confirm',
        'stock.view',
        'period.close',
        'period.reopen',
        'money.view',
        'money.settle',
        'profit.view',
      ],
    });
    expect(adminRow(ledger.engine).last_login_at).toBe('2026-03-02T01:30:00.000Z');
  });

  it('stores the password only as a salted scrypt hash', async () => {
    const ledger = await newLedger();
    await setUpBeijing(ledger.engine);
    const hash = adminRow(ledger.engine).password_hash;
    expect(hash.startsWith('scrypt$')).toBe(true);
    const [scheme, n, r, p, salt, key] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(64);
    expect(hash).not.toContain(administrator.password);
    expect(hash).not.toContain(Buffer.from(administrator.password).toString('base64'));
  });

  it('counts down the attempts left, locks on the fifth wrong password, and opens again after 15 minutes', async () => {
    const ledger = await newLedger();
    const { engine, clock } = ledger;
    await setUpBeijing(engine);

    for (const left of [4, 3, 2, 1]) {
      const error = await callFailing(engine, 'auth.login', wrong);
      expect(error).toEqual({
        code: 'WRONG_CREDENTIALS',
        message: `用户名或密码错误，还可再试 ${left} 次。`,
        details: { attemptsLeft: left },
      });
      clock.advance(10_000);
    }

    const locked = await callFailing(engine, 'auth.login', wrong);
    const lockedUntil = '2026-03-02T01:45:40.000Z';
    expect(locked).toEqual({
      code: 'ACCOUNT_LOCKED',
      message: `密码连续输错 5 次，账户已锁定，请在 ${localTime(lockedUntil)} 之后再试，或请管理员解锁。`,
      details: { lockedUntil },
    });

    // While locked even the right password is refused.
    expect((await callFailing(engine, 'auth.login', right)).code).toBe('ACCOUNT_LOCKED');
    clock.advance(15 * minute - 1000);
    expect((await callFailing(engine, 'auth.login', right)).code).toBe('ACCOUNT_LOCKED');

    clock.advance(2000);
    const session = await signIn(engine);
    expect((await callOk(engine, 'auth.currentUser', {}, session)).user.username).toBe('admin');
    expect(adminRow(ledger.engine)).toMatchObject({ failed_attempts: 0, locked_until: null });
    expect((await callFailing(engine, 'auth.login', wrong)).message).toBe(
      '用户名或密码错误，还可再试 4 次。',
    );
  });

  it('a right password between wrong ones starts the count again', async () => {
    const { engine } = await beijingLedger();
    for (let i = 0; i < 3; i += 1) await callFailing(engine, 'auth.login', wrong);
    await signIn(engine);
    expect((await callFailing(engine, 'auth.login', wrong)).details).toEqual({ attemptsLeft: 4 });
  });

  it('wrong passwords sent at the same moment still lock the account on the fifth', async () => {
    const { engine } = await beijingLedger();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => callFailing(engine, 'auth.login', wrong)),
    );
    expect(answers.map((answer) => answer.code)).toContain('ACCOUNT_LOCKED');
    expect((await callFailing(engine, 'auth.login', right)).code).toBe('ACCOUNT_LOCKED');
  });

  it('an unknown user gets WRONG_CREDENTIALS too', async () => {
    const { engine } = await beijingLedger();
    const error = await callFailing(engine, 'auth.login', { username: 'nobody', password: 'Ledger-2026!' });
    expect(error.code).toBe('WRONG_CREDENTIALS');
    expect(error.message).toMatch(/^用户名或密码错误/);
  });

  it('an unknown user gets the same answer as a wrong password, so names cannot be probed', async () => {
    const { engine } = await beijingLedger();
    const unknown = await callFailing(engine, 'auth.login', { username: 'nobody', password: wrong.password });
    const known = await callFailing(engine, 'auth.login', wrong);
    expect(unknown).toEqual(known);
  });

  it('a session ends after 12 hours without a call, and each call keeps it alive', async () => {
    const { engine, clock, adminSession } = await beijingLedger();
    clock.advance(11 * 60 * minute);
    expect((await callOk(engine, 'system.info', {}, adminSession)).branchCode).toBe('BJ01');
    clock.advance(12 * 60 * minute);
    expect((await callOk(engine, 'system.info', {}, adminSession)).branchCode).toBe('BJ01');
    clock.advance(12 * 60 * minute + 1);
    expect((await callFailing(engine, 'system.info', {}, adminSession)).code).toBe('UNAUTHENTICATED');
  });
});

describe('signing out', () => {
  it('ends that session only', async () => {
    const { engine, adminSession } = await beijingLedger();
    const other = await signIn(engine);
    expect(await callOk(engine, 'auth.logout', {}, other)).toEqual({ ok: true });
    expect((await callFailing(engine, 'auth.currentUser', {}, other)).code).toBe('UNAUTHENTICATED');
    expect((await callOk(engine, 'auth.currentUser', {}, adminSession)).user.username).toBe('admin');
  });
});

describe('the audit log of signing in', () => {
  it('records logins, failures, the lock, refusals while locked and logouts with the usernames', async () => {
    const { engine, adminSession } = await beijingLedger();
    const second = await signIn(engine);
    await callOk(engine, 'auth.logout', {}, second);
    await callFailing(engine, 'auth.login', wrong);
    await callFailing(engine, 'auth.login', { username: 'nobody', password: wrong.password });
    for (let i = 0; i < 4; i += 1) await callFailing(engine, 'auth.login', wrong);
    await callFailing(engine, 'auth.login', right);

    const audit = await callOk(engine, 'audit.list', { actionPrefix: 'auth.' }, adminSession);
    expect(audit.total).toBe(10);
    expect(audit.rows.reverse().map((row) => [row.action, row.username, row.detail])).toEqual([
      ['auth.login', 'admin', null],
      ['auth.login', 'admin', null],
      ['auth.logout', 'admin', null],
      ['auth.login_failed', 'admin', '连续第 1 次密码错误'],
      ['auth.login_failed', 'nobody', '无此用户'],
      ['auth.login_failed', 'admin', '连续第 2 次密码错误'],
      ['auth.login_failed', 'admin', '连续第 3 次密码错误'],
      ['auth.login_failed', 'admin', '连续第 4 次密码错误'],
      ['auth.account_locked', 'admin', '连续第 5 次密码错误'],
      ['auth.login_refused_locked', 'admin', null],
    ]);
  });
});
