import fs from 'node:fs';
import path from 'node:path';
import { permissionLabel, type Permission } from '../../src/engine/domain/access/permissions';
import { shippedRoles } from '../../src/engine/domain/access/roles';
import { describe, expect, it } from 'vitest';
import { beijingLedger, callFailing, callOk, signIn } from './support/ledger';
import { addUser, setActive } from './support/users';

const clerk = { username: 'liwei', displayName: '李伟', role: 'clerk', password: 'Clerk-2026!' } as const;
const manager = {
  username: 'wangfang',
  displayName: '王芳',
  role: 'manager',
  password: 'Manager-2026!',
} as const;

describe('a clerk', () => {
  it('can read system information and the branch profile', async () => {
    const { engine, databasePath } = await beijingLedger();
    await addUser(engine, clerk);
    const session = await signIn(engine, clerk.username, clerk.password);

    expect(await callOk(engine, 'system.info', {}, session)).toMatchObject({
      branchCode: 'BJ01',
      databasePath,
    });
    expect((await callOk(engine, 'branch.profile', {}, session)).name).toBe('北京分公司');
    expect(await callOk(engine, 'settings.get', {}, session)).toMatchObject({ updateFeedUrl: '' });
    const current = await callOk(engine, 'auth.currentUser', {}, session);
    expect(current.user).toMatchObject({
      username: 'liwei',
      displayName: '李伟',
      role: 'clerk',
      roleName: '信息员',
    });
    // The shipped 信息员 (domain/access/roles.ts), in the catalogue's order.
    expect([...current.permissions].sort()).toEqual(
      [...shippedRoles.find((role) => role.code === 'clerk')!.permissions].sort(),
    );
  });

  it('cannot edit the branch, read the audit log, back up or change settings', async () => {
    const { engine, folder } = await beijingLedger();
    await addUser(engine, clerk);
    const session = await signIn(engine, clerk.username, clerk.password);
    const backupFile = path.join(folder, 'clerk-copy.db');

    const refused: { method: string; input: unknown; permission: Permission }[] = [
      { method: 'branch.update', input: { name: '李伟的分公司' }, permission: 'settings.edit' },
      {
        method: 'settings.update',
        input: { updateFeedUrl: 'https://evil.example/feed' },
        permission: 'settings.edit',
      },
      { method: 'audit.list', input: {}, permission: 'audit.view' },
      { method: 'system.backup', input: { to: backupFile }, permission: 'backup.create' },
    ];
    for (const { method, input, permission } of refused) {
      const error = await callFailing(engine, method, input, session);
      expect(error).toEqual({
        code: 'FORBIDDEN',
        message: `当前用户没有权限执行此操作（${method}：${permissionLabel(permission)}）。`,
        details: { permission },
      });
    }

    expect((await callOk(engine, 'branch.profile', {}, session)).name).toBe('北京分公司');
    expect(await callOk(engine, 'settings.get', {}, session)).toMatchObject({ updateFeedUrl: '' });
    expect(fs.existsSync(backupFile)).toBe(false);
  });
});

describe('an administrator', () => {
  it('can edit the branch, read the audit log, back up and change settings', async () => {
    const { engine, folder, adminSession } = await beijingLedger();
    const backupFile = path.join(folder, 'admin-copy.db');

    expect((await callOk(engine, 'branch.update', { name: '北京第一分公司' }, adminSession)).name).toBe(
      '北京第一分公司',
    );
    expect(
      await callOk(
        engine,
        'settings.update',
        { updateFeedUrl: 'https://updates.example.com/ledger/' },
        adminSession,
      ),
    ).toMatchObject({ updateFeedUrl: 'https://updates.example.com/ledger/' });
    expect((await callOk(engine, 'system.backup', { to: backupFile }, adminSession)).path).toBe(backupFile);
    expect(fs.existsSync(backupFile)).toBe(true);
    const audit = await callOk(engine, 'audit.list', {}, adminSession);
    expect(audit.rows.map((row) => row.action)).toEqual([
      'system.backup',
      'settings.update',
      'branch.update',
      'auth.login',
      'user.create',
      'branch.setup',
    ]);
  });
});

describe('a manager', () => {
  it('can read the audit log but not edit the branch', async () => {
    const { engine } = await beijingLedger();
    await addUser(engine, manager);
    const session = await signIn(engine, manager.username, manager.password);

    const audit = await callOk(engine, 'audit.list', { username: 'wangfang' }, session);
    expect(audit.rows.map((row) => row.action)).toEqual(['auth.login']);
    expect((await callFailing(engine, 'branch.update', { name: '王芳的分公司' }, session)).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('a user made inactive', () => {
  it('loses their open session at the next call and cannot sign in again', async () => {
    const { engine } = await beijingLedger();
    await addUser(engine, clerk);
    const session = await signIn(engine, clerk.username, clerk.password);
    expect((await callOk(engine, 'system.info', {}, session)).branchCode).toBe('BJ01');

    setActive(engine, clerk.username, false);
    expect((await callFailing(engine, 'system.info', {}, session)).code).toBe('UNAUTHENTICATED');
    const login = await callFailing(engine, 'auth.login', {
      username: clerk.username,
      password: clerk.password,
    });
    expect(login.code).toBe('WRONG_CREDENTIALS');

    // Reactivating the account does not revive the old session: the clerk signs in afresh.
    setActive(engine, clerk.username, true);
    expect((await callFailing(engine, 'system.info', {}, session)).code).toBe('UNAUTHENTICATED');
    const fresh = await signIn(engine, clerk.username, clerk.password);
    expect((await callOk(engine, 'system.info', {}, fresh)).branchCode).toBe('BJ01');
  });
});
