import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/api';
import { beijingLedger, callOk } from './support/ledger';
import { addUser } from './support/users';

function csv(entity: ApiInput<'import.commit'>['entity'], lines: string[]): ApiInput<'import.commit'> {
  return {
    entity,
    fileName: `${entity}.csv`,
    contentBase64: Buffer.from(lines.join('\n')).toString('base64'),
  };
}

describe('importing warehouses, offices and employees', () => {
  it('warehouses with their keepers by login or display name; names stay unique', async () => {
    const { engine, adminSession } = await beijingLedger();
    await addUser(engine, {
      username: 'zhaomin',
      displayName: '赵敏',
      role: 'keeper',
      password: 'Keeper-2026!',
    });
    const outcome = await callOk(
      engine,
      'import.commit',
      csv('warehouses', [
        '仓库编码,仓库名称,地址,仓管员',
        'CK01,一号仓,北京市通州区物流园 1 号,zhaomin',
        'CK02,二号仓（开发区）,北京经济技术开发区 8 号,"赵敏, admin"',
      ]),
      adminSession,
    );
    expect(outcome).toMatchObject({ created: 2, errors: [] });
    const { rows } = await callOk(engine, 'warehouses.list', {}, adminSession);
    expect(rows.map((row) => [row.code, row.name, row.keepers])).toEqual([
      ['CK01', '一号仓', '赵敏'],
      ['CK02', '二号仓（开发区）', '张经理、赵敏'],
    ]);

    const clash = await callOk(
      engine,
      'import.preview',
      csv('warehouses', ['仓库编码,仓库名称,仓管员', 'CK03,一号仓,', 'CK04,三号仓,nobody']),
      adminSession,
    );
    expect(clash.rows.map((row) => row.errors)).toEqual([
      [{ column: '仓库名称', message: '仓库名称【一号仓】已被仓库 CK01 使用' }],
      [{ column: '仓管员', message: '用户【nobody】不存在' }],
    ]);
  });

  it('offices and departments, a parent below its child in the file', async () => {
    const { engine, adminSession } = await beijingLedger();
    const outcome = await callOk(
      engine,
      'import.commit',
      csv('offices', ['编码,名称,类型,上级编码', 'BM02,城东办事处,办事处,BM01', 'BM01,销售部,部门,']),
      adminSession,
    );
    expect(outcome).toMatchObject({ created: 2, errors: [] });
    const { rows } = await callOk(engine, 'offices.list', {}, adminSession);
    expect(rows.map((row) => [row.code, row.name, row.kind, row.parentCode])).toEqual([
      ['BM01', '销售部', 'department', null],
      ['BM02', '城东办事处', 'office', 'BM01'],
    ]);
  });

  it('employees with their office (created when missing) and their login', async () => {
    const { engine, adminSession } = await beijingLedger();
    const file = csv('employees', [
      '职员编码,姓名,办事处,电话,职务,登录用户名',
      'ZY001,王强,城东办事处,13901000000,业务员,admin',
    ]);
    expect(await callOk(engine, 'import.commit', file, adminSession)).toMatchObject({
      created: 1,
      errors: [],
    });
    const { rows } = await callOk(engine, 'employees.list', {}, adminSession);
    expect(rows).toEqual([
      expect.objectContaining({
        code: 'ZY001',
        name: '王强',
        officeName: '城东办事处',
        title: '业务员',
        username: 'admin',
      }),
    ]);
    expect(await callOk(engine, 'import.commit', file, adminSession)).toMatchObject({
      created: 0,
      skipped: 1,
    });
  });
});
