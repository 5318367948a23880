import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiInput } from '../../src/shared/api';
import { readSample } from '../support/samples';
import { beijingLedger, callOk } from './support/ledger';

const customerList = readSample('客户资料.xls');

function customersFile(content: Buffer, fileName = '客户资料.xls'): ApiInput<'import.commit'> {
  return { entity: 'counterparties', fileName, contentBase64: content.toString('base64') };
}

/** A small customer list as CSV, the way an office sends one. */
function customersCsv(lines: string[]): Buffer {
  return Buffer.from(['客户编码,客户名称,渠道类型,上级客户编码,办事处,业务员', ...lines].join('\r\n'));
}

function count(engine: Engine, table: string): number {
  return (engine.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

async function counterpartyByCode(engine: Engine, session: string, code: string) {
  const { rows } = await callOk(engine, 'counterparties.list', { search: code }, session);
  return callOk(engine, 'counterparties.get', { id: rows.find((row) => row.code === code)!.id }, session);
}

describe('importing the customer list (legacy .xls)', () => {
  it('imports 36 customers with their channel tree, offices, salespeople, credit and opening receivables', async () => {
    const { engine, adminSession } = await beijingLedger();
    const preview = await callOk(engine, 'import.preview', customersFile(customerList), adminSession);
    expect(preview).toMatchObject({
      headerRowNumber: 1,
      counts: { total: 36, valid: 36, errors: 0, create: 36 },
    });
    expect(preview.rows.find((row) => row.row === 4)!.values.openingReceivable).toBe('12345.60');
    expect(preview.rows[0]!.warnings).toEqual([
      { column: '办事处', message: '办事处【城东办事处】不存在，将新建' },
      { column: '业务员', message: '业务员【王强】不在职员中，将新建' },
    ]);

    const outcome = await callOk(engine, 'import.commit', customersFile(customerList), adminSession);
    expect(outcome).toMatchObject({ status: 'committed', created: 36, updated: 0, skipped: 0, errors: [] });

    const dealer = await counterpartyByCode(engine, adminSession, 'KH0003');
    expect(dealer).toMatchObject({
      name: '丰台区永盛商贸有限公司',
      kind: 'customer',
      channelTier: 'dealer',
      parentCode: null,
      officeName: '开发区办事处',
      salespersonName: '张伟',
      region: '北京市丰台区',
      creditLimit: '500000.00',
      paymentTermDays: 30,
      openingReceivable: '12345.60',
      contacts: [{ name: '杨磊', phone: '13901015838', role: '' }],
    });
    expect(
      engine.db.$client
        .prepare("SELECT opening_receivable AS fen FROM counterparties WHERE code = 'KH0003'")
        .get(),
    ).toEqual({ fen: 1_234_560 });
    // The sample's 期初应收 are the customers' opening open items (DOMAIN.md §7): balances from day one.
    const balances = await callOk(engine, 'money.balances', { side: 'receivable' }, adminSession);
    expect(balances.find((row) => row.code === 'KH0003')).toMatchObject({
      balance: '12345.60',
      open: '12345.60',
      creditLimit: '500000.00',
    });
    const withOpening = engine.db.$client
      .prepare('SELECT count(*) AS n FROM counterparties WHERE opening_receivable <> 0')
      .get() as { n: number };
    expect(balances).toHaveLength(withOpening.n);

    expect(await counterpartyByCode(engine, adminSession, 'KH0007')).toMatchObject({
      channelTier: 'distributor',
      parentCode: 'KH0001',
      parentName: '朝阳区宏达商贸有限公司',
      creditLimit: '100000.00',
      paymentTermDays: 15,
    });
    const children = engine.db.$client
      .prepare(
        "SELECT count(*) AS n FROM counterparties c JOIN counterparties p ON p.id = c.parent_id WHERE p.code IN ('KH0001','KH0002','KH0003','KH0004','KH0005','KH0006')",
      )
      .get();
    expect(children).toEqual({ n: 30 });

    const offices = await callOk(engine, 'offices.list', {}, adminSession);
    expect(offices.rows.map((office) => office.name).sort()).toEqual(
      ['北郊办事处', '城东办事处', '城西办事处', '开发区办事处'].sort(),
    );
    const employees = await callOk(engine, 'employees.list', {}, adminSession);
    expect(employees.rows).toHaveLength(8);
    expect(employees.rows.find((employee) => employee.name === '王强')).toMatchObject({
      officeName: '城东办事处',
    });
  });

  it('a second import of the list changes nothing and writes no audit rows', async () => {
    const { engine, adminSession } = await beijingLedger();
    await callOk(engine, 'import.commit', customersFile(customerList), adminSession);
    const auditRows = count(engine, 'audit_log');
    const again = await callOk(engine, 'import.commit', customersFile(customerList), adminSession);
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 36, errors: [] });
    expect(count(engine, 'audit_log')).toBe(auditRows);
    expect(count(engine, 'offices')).toBe(4);
    expect(count(engine, 'employees')).toBe(8);
  });

  it('hangs a customer under a parent that comes later in the same file', async () => {
    const { engine, adminSession } = await beijingLedger();
    const file = customersCsv([
      'KH0102,通州惠民批发部,分销商,KH0101,城东办事处,王强',
      'KH0103,梨园好邻居便利店,终端,KH0102,城东办事处,王强',
      'KH0101,通州恒通商贸有限公司,经销商,,城东办事处,王强',
    ]);
    const outcome = await callOk(engine, 'import.commit', customersFile(file, '渠道.csv'), adminSession);
    expect(outcome).toMatchObject({ created: 3, errors: [] });
    expect((await counterpartyByCode(engine, adminSession, 'KH0102')).parentCode).toBe('KH0101');
    expect((await counterpartyByCode(engine, adminSession, 'KH0103')).parentCode).toBe('KH0102');
    expect(count(engine, 'offices')).toBe(1);
    expect(count(engine, 'employees')).toBe(1);
  });

  it('refuses an unknown parent, a loop, and — when creating is not allowed — unknown offices and salespeople', async () => {
    const { engine, adminSession } = await beijingLedger();
    const file = customersCsv([
      'KH0201,顺义百顺商行,分销商,KH9999,城东办事处,王强',
      'KH0202,甲商行,分销商,KH0203,,',
      'KH0203,乙商行,分销商,KH0202,,',
      'KH0204,丙商行,分销商,KH0204,,',
    ]);
    const outcome = await callOk(
      engine,
      'import.commit',
      { ...customersFile(file, '渠道.csv'), options: { createMissing: false } },
      adminSession,
    );
    expect(outcome.status).toBe('refused');
    expect(outcome.errors).toEqual([
      { row: 2, column: '上级客户编码', message: '上级客户 KH9999 不存在，也不在本文件中' },
      {
        row: 2,
        column: '办事处',
        message: '办事处【城东办事处】不存在（可选择自动新建缺少的办事处和业务员）',
      },
      { row: 2, column: '业务员', message: '业务员【王强】不在职员中（可选择自动新建缺少的办事处和业务员）' },
      { row: 3, column: '上级客户编码', message: '上级客户形成循环：KH0202 → KH0203 → KH0202' },
      { row: 4, column: '上级客户编码', message: '上级客户形成循环：KH0203 → KH0202 → KH0203' },
      { row: 5, column: '上级客户编码', message: '上级客户不能是它自己' },
    ]);
    expect(count(engine, 'counterparties')).toBe(0);
    expect(count(engine, 'offices')).toBe(0);
  });

  it('with valid rows only, a child whose parent row is refused is refused too', async () => {
    const { engine, adminSession } = await beijingLedger();
    const file = customersCsv([
      'KH0301,通州恒通商贸有限公司,经销商,,城东办事处,王强',
      'KH0302,通州惠民批发部,批发,,城东办事处,王强',
      'KH0303,梨园好邻居便利店,终端,KH0302,城东办事处,王强',
    ]);
    const outcome = await callOk(
      engine,
      'import.commit',
      { ...customersFile(file, '渠道.csv'), options: { validOnly: true } },
      adminSession,
    );
    expect(outcome).toMatchObject({
      status: 'committed',
      created: 1,
      errors: [
        {
          row: 3,
          column: '渠道类型',
          message: '“批发”不是可选的值，应为：经销商、分销商、特约分销商、签约二批商、直供二批、终端',
        },
        { row: 4, column: '上级客户编码', message: '上级客户 KH0302（第 3 行）有错误，不能导入' },
      ],
    });
    expect(count(engine, 'counterparties')).toBe(1);
  });
});
