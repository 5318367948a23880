import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiInput } from '../../src/shared/api';
import { beijingLedger, callFailing, callOk, signIn } from './support/ledger';
import { addUser } from './support/users';

type CounterpartyInput = ApiInput<'counterparties.save'>['counterparty'];

const dealer: CounterpartyInput = {
  code: 'KH0001',
  name: '朝阳区宏达商贸有限公司',
  kind: 'customer',
  channelTier: 'dealer',
  region: '北京市朝阳区',
  address: '北京市朝阳区十里堡路 6 号',
  creditLimit: '500000',
  paymentTermDays: 30,
  taxId: '91110105mA01abcd2x',
  openingReceivable: '12345.6',
  contacts: [
    { name: '刘洋', phone: '139 1111 2222', role: '采购经理' },
    { name: '赵敏', phone: '010-65001234' },
  ],
};

const distributor: CounterpartyInput = {
  code: 'KH0002',
  name: '通州惠民批发部',
  channelTier: 'distributor',
  region: '北京市通州区',
};

const retailer: CounterpartyInput = {
  code: 'KH0003',
  name: '梨园好邻居便利店',
  channelTier: 'retail',
  region: '北京市通州区',
};

const supplier: CounterpartyInput = {
  code: 'GYS001',
  name: '蒙原乳业有限公司',
  kind: 'supplier',
  region: '内蒙古呼和浩特市',
  openingPayable: 8800,
};

/** `record`: the counterparty as it was opened, whose version the save carries; null creates one. */
async function save(
  engine: Engine,
  session: string,
  counterparty: CounterpartyInput,
  record: { id: number; version: number } | null = null,
) {
  return callOk(
    engine,
    'counterparties.save',
    { id: record?.id ?? null, version: record?.version, counterparty },
    session,
  );
}

/** `record`: the counterparty as it was opened, whose version the save carries; null creates one. */
async function saveFailing(
  engine: Engine,
  session: string,
  counterparty: CounterpartyInput,
  record: { id: number; version: number } | null = null,
) {
  return callFailing(
    engine,
    'counterparties.save',
    { id: record?.id ?? null, version: record?.version, counterparty },
    session,
  );
}

/** An office and a salesperson in it, as the customer list refers to them. */
async function eastOfficeWithSalesperson(engine: Engine, session: string) {
  const office = await callOk(
    engine,
    'offices.save',
    { id: null, office: { code: 'BSC01', name: '城东办事处' } },
    session,
  );
  const salesperson = await callOk(
    engine,
    'employees.save',
    { id: null, employee: { code: 'ZY001', name: '王强', officeId: office.id, title: '业务员' } },
    session,
  );
  return { office, salesperson };
}

describe('a counterparty', () => {
  it('is saved with its contacts and read back as the form shows it, money as exact yuan text', async () => {
    const { engine, adminSession } = await beijingLedger();
    const { office, salesperson } = await eastOfficeWithSalesperson(engine, adminSession);
    const saved = await save(engine, adminSession, {
      ...dealer,
      officeId: office.id,
      salespersonId: salesperson.id,
    });
    expect(saved).toMatchObject({
      code: 'KH0001',
      name: '朝阳区宏达商贸有限公司',
      kind: 'customer',
      kindLabel: '客户',
      channelTier: 'dealer',
      channelTierLabel: '经销商',
      parentId: null,
      parentCode: null,
      officeName: '城东办事处',
      salespersonName: '王强',
      creditLimit: '500000.00',
      paymentTermDays: 30,
      taxId: '91110105MA01ABCD2X',
      openingReceivable: '12345.60',
      openingPayable: '0.00',
      isInternal: false,
      internalBranchCode: null,
      active: true,
      deletedAt: null,
      contacts: [
        { name: '刘洋', phone: '139 1111 2222', role: '采购经理' },
        { name: '赵敏', phone: '010-65001234', role: '' },
      ],
    });
    expect(saved).not.toHaveProperty('searchText');
    expect(await callOk(engine, 'counterparties.get', { id: saved.id }, adminSession)).toEqual(saved);
    // Stored exactly, in fen.
    expect(
      engine.db.$client
        .prepare('SELECT credit_limit, opening_receivable FROM counterparties WHERE id = ?')
        .get(saved.id),
    ).toEqual({ credit_limit: 50_000_000, opening_receivable: 1_234_560 });
  });

  it('is updated with new contacts, and both saves are audited with what was before and after', async () => {
    const { engine, adminSession, clock } = await beijingLedger();
    const created = await save(engine, adminSession, dealer);
    clock.advance(60_000);
    const updated = await save(
      engine,
      adminSession,
      {
        ...dealer,
        name: '北京宏达商贸有限公司',
        creditLimit: null,
        contacts: [{ name: '孙丽', phone: '13800001111' }],
      },
      created,
    );
    expect(updated).toMatchObject({
      id: created.id,
      uid: created.uid,
      name: '北京宏达商贸有限公司',
      creditLimit: null,
      contacts: [{ name: '孙丽', phone: '13800001111', role: '' }],
      createdAt: '2026-03-02T01:30:00.000Z',
      updatedAt: '2026-03-02T01:31:00.000Z',
    });
    expect(engine.db.$client.prepare('SELECT count(*) AS n FROM counterparty_contacts').get()).toEqual({
      n: 1,
    });

    const audit = await callOk(engine, 'audit.list', { actionPrefix: 'counterparties.' }, adminSession);
    expect(audit.rows.map((row) => [row.action, row.entity, row.entityKey, row.username])).toEqual([
      ['counterparties.update', 'counterparties', 'KH0001', 'admin'],
      ['counterparties.create', 'counterparties', 'KH0001', 'admin'],
    ]);
    expect(audit.rows[1]).toMatchObject({ before: null, after: { name: '朝阳区宏达商贸有限公司' } });
    expect(audit.rows[0]).toMatchObject({
      before: {
        name: '朝阳区宏达商贸有限公司',
        creditLimit: '500000.00',
        contacts: [{ name: '刘洋' }, { name: '赵敏' }],
      },
      after: { name: '北京宏达商贸有限公司', creditLimit: null, contacts: [{ name: '孙丽' }] },
    });
  });

  it('keeps its code to itself, also from the recycle bin, and names who holds it', async () => {
    const { engine, adminSession } = await beijingLedger();
    const first = await save(engine, adminSession, dealer);
    expect(await saveFailing(engine, adminSession, { ...supplier, code: ' KH0001 ' })).toEqual({
      code: 'CONFLICT',
      message: '往来单位编码 KH0001 已存在（朝阳区宏达商贸有限公司）。',
    });
    await callOk(engine, 'masterData.delete', { entity: 'counterparties', id: first.id }, adminSession);
    expect((await saveFailing(engine, adminSession, { ...supplier, code: 'KH0001' })).message).toBe(
      '往来单位编码 KH0001 已被回收站中的往来单位【朝阳区宏达商贸有限公司】占用，请先恢复或彻底删除它。',
    );
    expect((await saveFailing(engine, adminSession, dealer, first)).message).toBe(
      '往来单位【KH0001 朝阳区宏达商贸有限公司】在回收站中，请先恢复再修改。',
    );
    expect((await callOk(engine, 'counterparties.list', {}, adminSession)).total).toBe(0);
  });

  it('refuses what does not add up: a tier on a pure supplier, an internal unit without its code, negative money', async () => {
    const { engine, adminSession } = await beijingLedger();
    expect(await saveFailing(engine, adminSession, { ...supplier, channelTier: 'dealer' })).toEqual({
      code: 'VALIDATION',
      message: '往来单位【蒙原乳业有限公司】是供应商，不能设置渠道类型（经销商）；渠道类型只用于客户。',
    });
    expect(
      (
        await saveFailing(engine, adminSession, {
          code: 'NB001',
          name: '集团总部',
          kind: 'both',
          isInternal: true,
        })
      ).message,
    ).toBe('往来单位【集团总部】是内部单位，请填写它的机构编码（总部或其他分支机构的编码）。');
    const headOffice = await save(engine, adminSession, {
      code: 'NB001',
      name: '集团总部',
      kind: 'both',
      isInternal: true,
      internalBranchCode: 'hq',
    });
    expect(headOffice).toMatchObject({
      isInternal: true,
      internalBranchCode: 'HQ',
      kindLabel: '客户及供应商',
    });

    const negative = await saveFailing(engine, adminSession, { ...supplier, openingPayable: '-100' });
    expect(negative).toMatchObject({
      code: 'VALIDATION',
      message: '输入有误：【counterparty.openingPayable】期初应付不能小于 0',
    });
    expect((await saveFailing(engine, adminSession, { ...dealer, creditLimit: '五十万' })).message).toBe(
      '输入有误：【counterparty.creditLimit】信用额度【五十万】不是有效的数字',
    );
    expect((await callOk(engine, 'counterparties.list', {}, adminSession)).total).toBe(1);
  });
});

describe('the customer channel tree', () => {
  it('hangs a customer under a live customer, never under a supplier, itself or its own descendant', async () => {
    const { engine, adminSession } = await beijingLedger();
    const top = await save(engine, adminSession, dealer);
    const middle = await save(engine, adminSession, { ...distributor, parentId: top.id });
    const bottom = await save(engine, adminSession, { ...retailer, parentId: middle.id });
    expect(middle).toMatchObject({
      parentId: top.id,
      parentCode: 'KH0001',
      parentName: '朝阳区宏达商贸有限公司',
    });
    expect(bottom.parentName).toBe('通州惠民批发部');

    expect(await saveFailing(engine, adminSession, { ...dealer, parentId: bottom.id }, top)).toEqual({
      code: 'VALIDATION',
      message:
        '【KH0003 梨园好邻居便利店】是【KH0001 朝阳区宏达商贸有限公司】的下级，上级客户不能是它自己的下级。',
    });
    expect((await saveFailing(engine, adminSession, { ...dealer, parentId: top.id }, top)).message).toBe(
      '往来单位【KH0001 朝阳区宏达商贸有限公司】的上级客户不能是它自己。',
    );
    const mengyuan = await save(engine, adminSession, supplier);
    expect(
      (await saveFailing(engine, adminSession, { ...retailer, parentId: mengyuan.id }, bottom)).message,
    ).toBe(
      '往来单位【KH0003 梨园好邻居便利店】的上级客户【GYS001 蒙原乳业有限公司】是供应商，上级客户必须是客户。',
    );
    expect(await saveFailing(engine, adminSession, { ...retailer, parentId: 9999 }, bottom)).toEqual({
      code: 'NOT_FOUND',
      message: '往来单位【KH0003 梨园好邻居便利店】的上级客户（编号 9999）不存在。',
    });
    expect(
      (await saveFailing(engine, adminSession, { ...supplier, parentId: top.id }, mengyuan)).message,
    ).toBe('往来单位【蒙原乳业有限公司】是供应商，不能设置上级客户。');
    expect(
      (
        await saveFailing(
          engine,
          adminSession,
          { ...distributor, kind: 'supplier', channelTier: null },
          middle,
        )
      ).message,
    ).toBe('往来单位【KH0002 通州惠民批发部】还有 1 个下级客户，不能改为供应商。');
    // Nothing of the refused saves stuck.
    expect((await callOk(engine, 'counterparties.get', { id: top.id }, adminSession)).parentId).toBeNull();
  });

  it('keeps a parent with live 下级客户 out of the recycle bin, and takes it back once they are gone', async () => {
    const { engine, adminSession } = await beijingLedger();
    const top = await save(engine, adminSession, dealer);
    const middle = await save(engine, adminSession, { ...distributor, parentId: top.id });

    const refused = await callFailing(
      engine,
      'masterData.delete',
      { entity: 'counterparties', id: top.id },
      adminSession,
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('往来单位【KH0001 朝阳区宏达商贸有限公司】');
    expect(refused.message).toContain('仍被 1 个下级客户 引用，不能删除');

    await callOk(engine, 'masterData.delete', { entity: 'counterparties', id: middle.id }, adminSession);
    await callOk(engine, 'masterData.delete', { entity: 'counterparties', id: top.id }, adminSession);
    expect(await callOk(engine, 'counterparties.list', { recycleBin: true }, adminSession)).toMatchObject({
      total: 2,
      rows: [
        { code: 'KH0001', deletedBy: 'admin' },
        { code: 'KH0002', parentCode: 'KH0001', deletedBy: 'admin' },
      ],
    });
    // A parent in the recycle bin cannot be chosen.
    expect((await saveFailing(engine, adminSession, { ...retailer, parentId: top.id })).message).toBe(
      '往来单位【KH0003 梨园好邻居便利店】的上级客户【KH0001 朝阳区宏达商贸有限公司】在回收站中，请先恢复它。',
    );

    // The child cannot come back before its parent: it would hang under a deleted customer.
    expect(
      (
        await callFailing(
          engine,
          'masterData.restore',
          { entity: 'counterparties', id: middle.id },
          adminSession,
        )
      ).message,
    ).toBe(
      '往来单位【KH0002 ' +
        distributor.name +
        '】的上级客户【' +
        dealer.name +
        '】也在回收站中，请先恢复它们。',
    );
    await callOk(engine, 'masterData.restore', { entity: 'counterparties', id: top.id }, adminSession);
    await callOk(engine, 'masterData.restore', { entity: 'counterparties', id: middle.id }, adminSession);
    const list = await callOk(engine, 'counterparties.list', { parentId: top.id }, adminSession);
    expect(list.rows.map((row) => [row.code, row.parentName])).toEqual([
      ['KH0002', '朝阳区宏达商贸有限公司'],
    ]);
    const retail = await save(engine, adminSession, { ...retailer, parentId: top.id });
    expect(retail.parentCode).toBe('KH0001');
  });
});

describe('finding counterparties', () => {
  async function ledgerWithChannel() {
    const ledger = await beijingLedger();
    const { engine, adminSession } = ledger;
    const { office, salesperson } = await eastOfficeWithSalesperson(engine, adminSession);
    const top = await save(engine, adminSession, {
      ...dealer,
      officeId: office.id,
      salespersonId: salesperson.id,
    });
    await save(engine, adminSession, { ...distributor, parentId: top.id, officeId: office.id });
    await save(engine, adminSession, { ...retailer, contacts: [{ name: '马丽', phone: '13600009999' }] });
    await save(engine, adminSession, supplier);
    await save(engine, adminSession, {
      code: 'KH0004',
      name: '顺义鑫源商贸',
      kind: 'both',
      channelTier: 'dealer',
      region: '北京市顺义区',
    });
    return { ...ledger, office, top };
  }

  it('by pinyin initials, full pinyin, a contact phone, and the exact code first', async () => {
    const { engine, adminSession } = await ledgerWithChannel();
    const search = async (term: string, kind?: 'customer' | 'supplier') =>
      (await callOk(engine, 'counterparties.search', { term, ...(kind ? { kind } : {}) }, adminSession)).map(
        (found) => found.name,
      );
    expect(await search('cyq')).toEqual(['朝阳区宏达商贸有限公司']);
    expect(await search('CHAOYANG')).toEqual(['朝阳区宏达商贸有限公司']);
    expect(await search('hmpfb')).toEqual(['通州惠民批发部']);
    expect(await search('13600009999')).toEqual(['梨园好邻居便利店']);
    // The phone is found as typed with or without the spaces it was written with.
    expect(await search('13911112222')).toEqual(['朝阳区宏达商贸有限公司']);
    expect(await search('刘洋')).toEqual(['朝阳区宏达商贸有限公司']);
    expect(await search('tzq')).toEqual(['通州惠民批发部', '梨园好邻居便利店']);
    // KH0004 typed exactly comes first, before the codes that merely contain it.
    expect(await search('KH0004')).toEqual(['顺义鑫源商贸']);
    expect((await search('KH000')).length).toBe(4);

    expect(await search('商贸', 'customer')).toEqual(['朝阳区宏达商贸有限公司', '顺义鑫源商贸']);
    expect(await search('商贸', 'supplier')).toEqual(['顺义鑫源商贸']);
    expect(await search('有限公司', 'supplier')).toEqual(['蒙原乳业有限公司']);
    expect(await search('GYS001', 'customer')).toEqual([]);

    const [found] = await callOk(engine, 'counterparties.search', { term: 'cyq' }, adminSession);
    expect(found).toMatchObject({
      code: 'KH0001',
      kindLabel: '客户',
      channelTierLabel: '经销商',
      active: true,
    });
  });

  it('in the list, by kind, channel tier, office and parent, with the total and display-ready rows', async () => {
    const { engine, adminSession, office, top } = await ledgerWithChannel();
    const codes = async (query: ApiInput<'counterparties.list'>) => {
      const list = await callOk(engine, 'counterparties.list', query, adminSession);
      return { total: list.total, codes: list.rows.map((row) => row.code) };
    };
    expect(await codes({})).toEqual({ total: 5, codes: ['GYS001', 'KH0001', 'KH0002', 'KH0003', 'KH0004'] });
    expect(await codes({ kind: 'customer' })).toEqual({
      total: 4,
      codes: ['KH0001', 'KH0002', 'KH0003', 'KH0004'],
    });
    expect(await codes({ kind: 'supplier' })).toEqual({ total: 2, codes: ['GYS001', 'KH0004'] });
    expect(await codes({ kind: 'both' })).toEqual({ total: 1, codes: ['KH0004'] });
    expect(await codes({ channelTier: 'dealer' })).toEqual({ total: 2, codes: ['KH0001', 'KH0004'] });
    expect(await codes({ officeId: office.id })).toEqual({ total: 2, codes: ['KH0001', 'KH0002'] });
    expect(await codes({ parentId: top.id })).toEqual({ total: 1, codes: ['KH0002'] });
    expect(await codes({ search: 'tz', kind: 'customer' })).toEqual({
      total: 2,
      codes: ['KH0002', 'KH0003'],
    });
    expect(await codes({ limit: 2, offset: 1, sort: { field: 'code', order: 'desc' } })).toEqual({
      total: 5,
      codes: ['KH0003', 'KH0002'],
    });
    expect(await codes({ recycleBin: true })).toEqual({ total: 0, codes: [] });

    const [row] = (await callOk(engine, 'counterparties.list', { search: 'KH0001' }, adminSession)).rows;
    expect(row).toMatchObject({
      code: 'KH0001',
      kindLabel: '客户',
      channelTierLabel: '经销商',
      parentCode: null,
      officeName: '城东办事处',
      salespersonName: '王强',
      region: '北京市朝阳区',
      creditLimit: '500000.00',
      openingReceivable: '12345.60',
      contactName: '刘洋',
      contactPhone: '139 1111 2222',
    });
    const [child] = (await callOk(engine, 'counterparties.list', { parentId: top.id }, adminSession)).rows;
    expect(child).toMatchObject({
      parentCode: 'KH0001',
      parentName: '朝阳区宏达商贸有限公司',
      channelTierLabel: '分销商',
      creditLimit: null,
      contactName: null,
    });
  });
});

describe('who may change counterparties', () => {
  it('a clerk saves, a keeper only reads', async () => {
    const { engine, adminSession } = await beijingLedger();
    await addUser(engine, { username: 'liwei', displayName: '李伟', role: 'clerk', password: 'Clerk-2026!' });
    await addUser(engine, {
      username: 'zhaogang',
      displayName: '赵刚',
      role: 'keeper',
      password: 'Keeper-2026!',
    });
    const clerk = await signIn(engine, 'liwei', 'Clerk-2026!');
    const keeper = await signIn(engine, 'zhaogang', 'Keeper-2026!');

    // A credit limit is 信用额度·修改's to set (sensitive-fields.test.ts): the clerk enters the dealer without one.
    const withoutLimit = { ...dealer, creditLimit: null };
    const saved = await save(engine, clerk, withoutLimit);
    expect(await saveFailing(engine, keeper, withoutLimit, saved)).toEqual({
      code: 'FORBIDDEN',
      message: '当前用户没有权限执行此操作（counterparties.save：基础资料·修改）。',
      details: { permission: 'masterData.edit' },
    });
    expect((await callOk(engine, 'counterparties.list', {}, keeper)).total).toBe(1);
    expect((await callOk(engine, 'counterparties.get', { id: saved.id }, keeper)).name).toBe(dealer.name);
    const audit = await callOk(engine, 'audit.list', { actionPrefix: 'counterparties.' }, adminSession);
    expect(audit.rows.map((row) => [row.action, row.username])).toEqual([['counterparties.create', 'liwei']]);
  });
});
