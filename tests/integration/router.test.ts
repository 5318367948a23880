import { describe, expect, it } from 'vitest';
import { router } from '../../src/engine/api/router';
import {
  administrator,
  beijingBranch,
  beijingLedger,
  callFailing,
  callOk,
  newLedger,
  setUpBeijing,
  signIn,
} from './support/ledger';

const publicMethods = ['setup.status', 'setup.createBranch', 'auth.login'];
const signedInMethods = Object.keys(router).filter((method) => !publicMethods.includes(method));

interface Issue {
  path: string[];
  message: string;
}
const issuesOf = (details: unknown) => (details as { issues: Issue[] }).issues;
const hasChinese = /[\u4e00-\u9fff]/;

describe('method names', () => {
  it.each(['goods.delete', 'toString', '__proto__', 'constructor', ''])(
    '%j is not a method',
    async (method) => {
      const { engine } = await newLedger();
      const error = await callFailing(engine, method, {});
      expect(error.code).toBe('UNKNOWN_METHOD');
      expect(error.message).toBe(`没有名为 ${method} 的操作。`);
    },
  );
});

describe('input validation', () => {
  it('refuses an unknown costing scope, naming the field, in Chinese', async () => {
    const { engine, adminSession } = await beijingLedger();
    const error = await callFailing(engine, 'branch.update', { costingScope: 'nope' }, adminSession);
    expect(error.code).toBe('VALIDATION');
    expect(issuesOf(error.details).map((issue) => issue.path)).toEqual([['costingScope']]);
    expect(error.message).toMatch(/^输入有误：【costingScope】/);
    expect(error.message).toMatch(hasChinese);
    expect(error.message).toContain('per_warehouse');
    expect((await callOk(engine, 'branch.profile', {}, adminSession)).costingScope).toBe('per_warehouse');
  });

  it('refuses a branch code that is too short, with the rule for 机构编码', async () => {
    const { engine } = await newLedger();
    const error = await callFailing(engine, 'setup.createBranch', {
      profile: { ...beijingBranch, code: 'x' },
      administrator,
    });
    expect(error.code).toBe('VALIDATION');
    expect(issuesOf(error.details)).toEqual([
      { path: ['profile', 'code'], message: '机构编码须为 2–12 位大写字母或数字，例如 BJ01' },
    ]);
    expect(error.message).toContain('机构编码');
    expect((await callOk(engine, 'setup.status', {})).isSetUp).toBe(false);
  });

  it('takes a lower-case branch code as upper case', async () => {
    const { engine } = await newLedger();
    const result = await callOk(engine, 'setup.createBranch', {
      profile: { ...beijingBranch, code: ' bj01 ' },
      administrator,
    });
    expect(result).toEqual({ branchCode: 'BJ01', username: 'admin' });
  });

  it('refuses an administrator whose two passwords differ', async () => {
    const { engine } = await newLedger();
    const error = await callFailing(engine, 'setup.createBranch', {
      profile: beijingBranch,
      administrator: { ...administrator, passwordConfirm: 'Ledger-2027!' },
    });
    expect(error.code).toBe('VALIDATION');
    expect(issuesOf(error.details)).toEqual([
      { path: ['administrator', 'passwordConfirm'], message: '两次输入的密码不一致' },
    ]);
    expect(error.message).toContain('两次输入的密码不一致');
    expect(await callOk(engine, 'setup.status', {})).toEqual({ isSetUp: false, branchName: null });
  });

  it('refuses a password of 7 characters and accepts one of 8', async () => {
    const { engine } = await newLedger();
    const short = await callFailing(engine, 'setup.createBranch', {
      profile: beijingBranch,
      administrator: { ...administrator, password: 'abc1234', passwordConfirm: 'abc1234' },
    });
    expect(short.code).toBe('VALIDATION');
    expect(issuesOf(short.details)).toEqual([
      { path: ['administrator', 'password'], message: '密码至少 8 位' },
    ]);

    await callOk(engine, 'setup.createBranch', {
      profile: beijingBranch,
      administrator: { ...administrator, password: 'abc12345', passwordConfirm: 'abc12345' },
    });
    expect(await signIn(engine, 'admin', 'abc12345')).toEqual(expect.any(String));
  });
});

describe('who may call', () => {
  it('setup and login work without a session', async () => {
    const { engine } = await newLedger();
    expect(await callOk(engine, 'setup.status', {})).toEqual({ isSetUp: false, branchName: null });
    expect(await callOk(engine, 'setup.createBranch', { profile: beijingBranch, administrator })).toEqual({
      branchCode: 'BJ01',
      username: 'admin',
    });
    expect(await callOk(engine, 'setup.status', {})).toEqual({ isSetUp: true, branchName: '北京分公司' });
    const login = await callOk(engine, 'auth.login', { username: 'admin', password: administrator.password });
    expect(login.user).toMatchObject({ username: 'admin', displayName: '张经理', role: 'admin' });
  });

  it('every other method needs a session', async () => {
    const { engine } = await newLedger();
    await setUpBeijing(engine);
    expect(signedInMethods).toEqual(
      expect.arrayContaining([
        'auth.logout',
        'auth.currentUser',
        'system.info',
        'system.backup',
        'audit.list',
        'branch.profile',
        'branch.update',
        'settings.get',
        'settings.update',
      ]),
    );
    for (const method of signedInMethods) {
      for (const session of [null, 'not-a-session']) {
        const error = await callFailing(engine, method, {}, session);
        expect({ method, session, code: error.code, message: error.message }).toEqual({
          method,
          session,
          code: 'UNAUTHENTICATED',
          message: '登录已失效，请重新登录。',
        });
      }
    }
  });

  it('the branch cannot be set up a second time', async () => {
    const { engine } = await newLedger();
    await setUpBeijing(engine);
    const error = await callFailing(engine, 'setup.createBranch', {
      profile: { ...beijingBranch, code: 'SH02', name: '上海分公司' },
      administrator: { ...administrator, username: 'takeover' },
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('本数据库已设置过机构，不能重复设置。');
    expect(await callOk(engine, 'setup.status', {})).toEqual({ isSetUp: true, branchName: '北京分公司' });
    expect(
      (await callFailing(engine, 'auth.login', { username: 'takeover', password: administrator.password }))
        .code,
    ).toBe('WRONG_CREDENTIALS');
  });
});
