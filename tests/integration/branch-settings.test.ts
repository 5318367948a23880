import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { beijingBranch, beijingLedger, callFailing, callOk, openLedger, testSource } from './support/ledger';

interface ChangeRow {
  entity: string;
  entity_uid: string;
  operation: string;
  payload: string;
}

function changeLog(engine: Engine): ChangeRow[] {
  return engine.db.$client
    .prepare('SELECT entity, entity_uid, operation, payload FROM change_log ORDER BY id')
    .all() as ChangeRow[];
}

function markFirstPosting(engine: Engine, at = '2026-03-05T02:00:00.000Z'): void {
  engine.db.$client.prepare('UPDATE branch_profile SET first_posted_at = ?').run(at);
}

const newAddress = '北京市朝阳区建国路 88 号';

describe('editing the branch profile', () => {
  it('changes name and address, auditing only the fields that changed and queuing one change for head office', async () => {
    const { engine, adminSession, clock } = await beijingLedger();
    clock.advance(60_000);
    const profile = await callOk(
      engine,
      'branch.update',
      { name: '北京第一分公司', address: newAddress, phone: '', costingScope: 'per_warehouse' },
      adminSession,
    );
    expect(profile).toMatchObject({ code: 'BJ01', name: '北京第一分公司', address: newAddress, phone: '' });
    expect(await callOk(engine, 'branch.profile', {}, adminSession)).toEqual(profile);
    expect(await callOk(engine, 'setup.status', {})).toEqual({ isSetUp: true, branchName: '北京第一分公司' });

    const audit = await callOk(engine, 'audit.list', { action: 'branch.update' }, adminSession);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      at: '2026-03-02T01:31:00.000Z',
      username: 'admin',
      entity: 'branch_profile',
      entityKey: 'BJ01',
      before: { name: '北京分公司', address: '' },
      after: { name: '北京第一分公司', address: newAddress },
      detail: '机构名称、地址',
    });

    const changes = changeLog(engine);
    expect(changes.map((row) => [row.entity, row.operation])).toEqual([
      ['branch_profile', 'insert'],
      ['branch_profile', 'update'],
    ]);
    expect(changes[1]!.entity_uid).toBe(profile.uid);
    expect(JSON.parse(changes[1]!.payload)).toMatchObject({
      code: 'BJ01',
      name: '北京第一分公司',
      address: newAddress,
    });
  });

  it('writes nothing when nothing changes', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(
      engine,
      'branch.update',
      { name: '北京分公司', costingScope: 'per_warehouse' },
      adminSession,
    );
    expect((await callOk(engine, 'audit.list', { action: 'branch.update' }, adminSession)).total).toBe(0);
    expect(changeLog(engine)).toHaveLength(1);
  });

  it('never changes the branch code', async () => {
    const { engine, adminSession } = await beijingLedger();
    // A caller that sends a new code anyway is told why not, and nothing changes.
    const response = await engine.call(
      {
        method: 'branch.update',
        input: { code: 'SH02', name: '北京第一分公司' },
        session: adminSession,
      },
      testSource,
    );
    expect(response).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '输入有误：【code】机构编码是总部识别本机构的依据，设置后不能修改',
      },
    });
    expect(engine.db.$client.prepare('SELECT code, name FROM branch_profile').get()).toEqual({
      code: 'BJ01',
      name: beijingBranch.name,
    });
    expect((await callOk(engine, 'audit.list', { action: 'branch.update' }, adminSession)).total).toBe(0);
  });
});

describe('after the first posting', () => {
  it('refuses to change the costing scope, naming it, and changes nothing', async () => {
    const { engine, adminSession } = await beijingLedger();
    markFirstPosting(engine);
    const error = await callFailing(
      engine,
      'branch.update',
      { name: '北京第一分公司', costingScope: 'per_branch' },
      adminSession,
    );
    expect(error).toEqual({
      code: 'FIELD_FIXED',
      message: '本机构已有过账单据，【成本核算范围】不能再修改。',
      details: { fields: ['costingScope'] },
    });

    expect(await callOk(engine, 'branch.profile', {}, adminSession)).toMatchObject({
      name: '北京分公司',
      costingScope: 'per_warehouse',
    });
    expect((await callOk(engine, 'audit.list', { action: 'branch.update' }, adminSession)).total).toBe(0);
    expect(changeLog(engine)).toHaveLength(1);
  });

  it('names every fixed field a change would touch', async () => {
    const { engine, adminSession } = await beijingLedger();
    markFirstPosting(engine);
    const error = await callFailing(
      engine,
      'branch.update',
      { costingScope: 'per_branch', accountingMode: 'non_independent', quantityDecimals: 3 },
      adminSession,
    );
    expect(error.message).toBe(
      '本机构已有过账单据，【成本核算范围】、【核算方式】、【数量小数位】不能再修改。',
    );
  });

  it('still lets the name change, and shows which fields are fixed', async () => {
    const { engine, adminSession } = await beijingLedger();
    expect(await callOk(engine, 'branch.profile', {}, adminSession)).toMatchObject({
      firstPostedAt: null,
      fixedFields: ['code'],
    });

    markFirstPosting(engine);
    const profile = await callOk(
      engine,
      'branch.update',
      { name: '北京第一分公司', costingScope: 'per_warehouse', priceDecimals: 6 },
      adminSession,
    );
    expect(profile).toMatchObject({
      name: '北京第一分公司',
      priceDecimals: 6,
      firstPostedAt: '2026-03-05T02:00:00.000Z',
      fixedFields: ['code', 'costingScope', 'accountingMode', 'quantityDecimals'],
    });
  });
});

describe('application settings', () => {
  it.each(['ftp://updates.example.com/', 'javascript:alert(1)', 'updates.example.com', 'file:///etc/passwd'])(
    'refuses the update feed %s',
    async (updateFeedUrl) => {
      const { engine, adminSession } = await beijingLedger();
      const error = await callFailing(engine, 'settings.update', { updateFeedUrl }, adminSession);
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain('更新地址须为 http(s):// 开头的网址');
      expect(await callOk(engine, 'settings.get', {}, adminSession)).toMatchObject({ updateFeedUrl: '' });
    },
  );

  it('keeps a valid https update feed across restarts and audits the change once', async () => {
    const { engine, adminSession, databasePath } = await beijingLedger();
    const url = 'https://updates.example.com/branch-ledger/';
    expect(await callOk(engine, 'settings.update', { updateFeedUrl: url }, adminSession)).toMatchObject({
      updateFeedUrl: url,
    });
    await callOk(engine, 'settings.update', { updateFeedUrl: url }, adminSession);
    engine.close();

    const reopened = await openLedger(databasePath);
    const session = (await callOk(reopened, 'auth.login', { username: 'admin', password: 'Ledger-2026!' }))
      .session;
    expect(await callOk(reopened, 'settings.get', {}, session)).toMatchObject({ updateFeedUrl: url });
    const audit = await callOk(reopened, 'audit.list', { action: 'settings.update' }, session);
    expect(audit.rows.map((row) => [row.username, row.entityKey, row.before, row.after])).toEqual([
      ['admin', 'updateFeedUrl', '', url],
    ]);
  });

  it('clears the update feed with an empty string', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(engine, 'settings.update', { updateFeedUrl: 'http://192.168.1.10/ledger/' }, adminSession);
    expect(await callOk(engine, 'settings.update', { updateFeedUrl: '' }, adminSession)).toMatchObject({
      updateFeedUrl: '',
    });
    expect(await callOk(engine, 'settings.get', {}, adminSession)).toMatchObject({ updateFeedUrl: '' });
  });

  it('keeps the trading rules: credit limit stops, stock warns, a sale below the lowest price waits for approval', async () => {
    const { engine, adminSession } = await beijingLedger();
    expect(await callOk(engine, 'settings.get', {}, adminSession)).toMatchObject({
      creditLimitPolicy: 'stop',
      orderStockPolicy: 'warn',
      minSalePricePolicy: 'approve',
    });
    await callOk(
      engine,
      'settings.update',
      { creditLimitPolicy: 'warn', minSalePricePolicy: 'stop' },
      adminSession,
    );
    expect(await callOk(engine, 'settings.get', {}, adminSession)).toMatchObject({
      creditLimitPolicy: 'warn',
      minSalePricePolicy: 'stop',
    });
    const error = await callFailing(engine, 'settings.update', { orderStockPolicy: 'maybe' }, adminSession);
    expect(error.code).toBe('VALIDATION');
  });
});
