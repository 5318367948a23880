import path from 'node:path';
import { permissions } from '../../src/engine/domain/access/permissions';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openEngine, sourceAppVersion, sourceMigrationsFolder, type Engine } from '../../src/engine';
import {
  administrator,
  beijingLedger,
  callFailing,
  callOk,
  newLedger,
  openLedger,
  setUpBeijing,
  signIn,
  tempFolder,
  testPasswordCost,
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
      mustChangePassword: false,
    });

    // The administrator holds every permission there is (domain/access/permissions.ts).
    expect(await callOk(ledger.engine, 'auth.currentUser', {}, login.session)).toEqual({
      user: { ...login.user, roleName: '管理员' },
      branch: { code: 'BJ01', name: '北京分公司', accountingMode: 'independent' },
      permissions,
    });
    expect(adminRow(ledger.engine).last_login_at).toBe('2026-03-02T01:30:00.000Z');
  });

  it("stores the password only as a salted scrypt hash, at OWASP's cost unless the engine is told otherwise", async () => {
    const folder = tempFolder();
    // Opened as the hosts open it, with no cost given: OWASP's N=2^17, r=8, p=1.
    const engine = await openEngine({
      databasePath: path.join(folder, 'ledger.db'),
      migrationsFolder: sourceMigrationsFolder,
      appVersion: sourceAppVersion(),
    });
    onTestFinished(() => engine.close());
    await setUpBeijing(engine);
    const hash = adminRow(engine).password_hash;
    expect(hash.startsWith('scrypt$')).toBe(true);
    const [scheme, n, r, p, salt, key] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '131072', '8', '1']);
    // 128 MiB of scrypt memory: more than node's default maxmem, so the engine must raise it.
    expect((await callOk(engine, 'auth.login', right)).user.username).toBe('admin');
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
      ['auth.login', 'admin', '来源 test'],
      ['auth.login', 'admin', '来源 test'],
      ['auth.logout', 'admin', null],
      ['auth.login_failed', 'admin', '连续第 1 次密码错误；来源 test'],
      ['auth.login_failed', 'nobody', '无此用户；来源 test'],
      ['auth.login_failed', 'admin', '连续第 2 次密码错误；来源 test'],
      ['auth.login_failed', 'admin', '连续第 3 次密码错误；来源 test'],
      ['auth.login_failed', 'admin', '连续第 4 次密码错误；来源 test'],
      ['auth.account_locked', 'admin', '连续第 5 次密码错误；来源 test'],
      ['auth.login_refused_locked', 'admin', '来源 test'],
    ]);
  });
});

describe('raising the scrypt cost', () => {
  it('a hash made at a lower cost is upgraded at the next right password, and only then', async () => {
    const { databasePath, clock, engine: before } = await newLedger();
    await setUpBeijing(before);
    const oldHash = adminRow(before).password_hash;
    expect(oldHash.split('$').slice(1, 4)).toEqual([String(testPasswordCost.N), '8', '1']);
    before.close();

    const raised = { N: testPasswordCost.N * 4, r: 8, p: 1 };
    const engine = await openLedger(databasePath, { clock, passwordCost: raised });
    await callFailing(engine, 'auth.login', wrong);
    expect(adminRow(engine).password_hash).toBe(oldHash);

    await signIn(engine);
    const newHash = adminRow(engine).password_hash;
    expect(newHash.split('$').slice(1, 4)).toEqual([String(raised.N), '8', '1']);
    expect(newHash.split('$')[4]).not.toBe(oldHash.split('$')[4]);
    await signIn(engine);
    expect(adminRow(engine).password_hash).toBe(newHash);
    const audit = await callOk(engine, 'audit.list', { actionPrefix: 'auth.login' }, await signIn(engine));
    expect(audit.rows.map((row) => row.detail)).toContain('密码已按当前强度重新加密；来源 test');
  });
});

/**
 * Throttling per account and per source (domain/access/password-policy.ts, source-throttle.ts). The
 * guesser works from 203.0.113.9; the administrator sits at 127.0.0.1.
 */
describe('login throttling per account and per source', () => {
  const guesser = '203.0.113.9';
  const desk = '127.0.0.1';
  const login = (engine: Engine, credentials: typeof right, source: string) =>
    callFailing(engine, 'auth.login', credentials, null, source);

  it("anonymous guesses at the administrator's name do not lock the administrator out", async () => {
    const { engine } = await beijingLedger();
    for (let attempt = 0; attempt < 5; attempt += 1) await login(engine, wrong, guesser);
    // The guesser's source is held by the lock, even with the right password …
    expect((await login(engine, right, guesser)).code).toBe('ACCOUNT_LOCKED');
    // … the administrator at a source with no failures signs in, which lifts the lock.
    const session = await signIn(engine, administrator.username, administrator.password, desk);
    expect((await callOk(engine, 'auth.currentUser', {}, session)).user.username).toBe('admin');
    expect(adminRow(engine)).toMatchObject({ failed_attempts: 0, locked_until: null });
  });

  it('a wrong password from a clean source during a lock counts, and from then on the lock holds it too', async () => {
    const { engine } = await beijingLedger();
    for (let attempt = 0; attempt < 5; attempt += 1) await login(engine, wrong, guesser);
    expect((await login(engine, wrong, desk)).code).toBe('ACCOUNT_LOCKED');
    expect(adminRow(engine).failed_attempts).toBe(6);
    expect((await login(engine, right, desk)).code).toBe('ACCOUNT_LOCKED');
  });

  it('fresh sources buy no unlimited guesses: at 20 failures the lock holds every source until it runs out', async () => {
    const { engine, clock } = await beijingLedger();
    for (let attempt = 0; attempt < 5; attempt += 1) await login(engine, wrong, guesser);
    for (let index = 1; index <= 15; index += 1) {
      expect((await login(engine, wrong, `198.51.100.${index}`)).code).toBe('ACCOUNT_LOCKED');
    }
    expect(adminRow(engine).failed_attempts).toBe(20);
    expect((await login(engine, right, desk)).code).toBe('ACCOUNT_LOCKED');
    clock.advance(15 * minute);
    await signIn(engine, administrator.username, administrator.password, desk);
  });

  it('an unknown name answers a clean source during its lock exactly as a real account does', async () => {
    const { engine } = await beijingLedger();
    const nobody = { username: 'nobody', password: wrong.password };
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await login(engine, wrong, guesser);
      await login(engine, nobody, guesser);
    }
    expect(await login(engine, nobody, desk)).toEqual(await login(engine, wrong, desk));
  });

  it('one source failing across many names waits 30 s after the eleventh failure, then twice as long each time', async () => {
    const { engine, clock } = await beijingLedger();
    for (let index = 1; index <= 11; index += 1) {
      const answer = await login(engine, { username: `guess${index}`, password: wrong.password }, guesser);
      expect(answer.code).toBe('WRONG_CREDENTIALS');
    }
    const throttled = await login(engine, right, guesser);
    expect(throttled).toEqual({
      code: 'LOGIN_THROTTLED',
      message: '此处登录失败次数过多，请 30 秒后再试。',
      details: { retryAt: new Date(clock.now().getTime() + 30_000).toISOString() },
    });
    // Another source is not held up, and the administrator's account has no failures at all.
    await signIn(engine, administrator.username, administrator.password, desk);

    clock.advance(30_000);
    expect((await login(engine, wrong, guesser)).code).toBe('WRONG_CREDENTIALS');
    expect((await login(engine, right, guesser)).message).toBe('此处登录失败次数过多，请 60 秒后再试。');
    clock.advance(60_000);
    await signIn(engine, administrator.username, administrator.password, guesser);

    const audit = await callOk(
      engine,
      'audit.list',
      { actionPrefix: 'auth.login_throttled' },
      await signIn(engine),
    );
    expect(audit.rows.map((row) => [row.username, row.detail])).toEqual([
      ['admin', `来源 ${guesser}`],
      ['admin', `来源 ${guesser}`],
    ]);
  });

  it('a source is forgotten an hour after its last failure', async () => {
    const { engine, clock } = await beijingLedger();
    for (let index = 1; index <= 11; index += 1) {
      await login(engine, { username: `guess${index}`, password: wrong.password }, guesser);
    }
    clock.advance(60 * minute + 1);
    expect((await login(engine, { username: 'guess12', password: wrong.password }, guesser)).code).toBe(
      'WRONG_CREDENTIALS',
    );
  });

  it('an account locked before a restart stays locked for every source until the lock runs out', async () => {
    const { databasePath, clock, engine: before } = await beijingLedger();
    for (let attempt = 0; attempt < 5; attempt += 1) await login(before, wrong, guesser);
    before.close();
    clock.advance(5000);

    const engine = await openLedger(databasePath, { clock });
    // The new engine cannot tell the guesser's source from the administrator's, so none passes.
    expect((await login(engine, right, desk)).code).toBe('ACCOUNT_LOCKED');
    clock.advance(15 * minute);
    await signIn(engine, administrator.username, administrator.password, desk);
  });
});
