import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiInput } from '../../src/shared/api';
import { administrator, beijingBranch, callFailing, callOk, newLedger, signIn } from './support/ledger';
import { act, stockWorld, type StockWorld } from './support/stock';
import { addUser } from './support/users';

/**
 * Separation of duties (issue 11): with 不能审核自己制单的单据 on, as a branch starts, whoever made a
 * document does not approve it — not with 审核, and not through a submit that approves on a branch
 * that does not approve separately (the document then waits as 待审核 for someone else). The CLI acts as
 * nobody and is never the maker.
 */

const password = 'Ledger-2026!';

async function branch(approvalRequired: boolean) {
  const { engine } = await newLedger();
  await callOk(engine, 'setup.createBranch', {
    profile: { ...beijingBranch, approvalRequired },
    administrator,
  });
  const admin = await signIn(engine);
  await addUser(engine, { username: 'zhaolei', displayName: '赵磊', role: 'manager', password });
  const manager = await signIn(engine, 'zhaolei', password);
  return { engine, admin, manager, world: await stockWorld(engine) };
}

function receipt(world: StockWorld): ApiInput<'documents.save'>['document'] {
  return {
    type: 'purchase_receipt',
    businessDate: '2026-03-02',
    counterpartyId: world.supplier,
    warehouseId: world.warehouse1,
    lines: [{ goodsId: world.milk, unitName: '箱', quantity: '10', unitPrice: '30' }],
  };
}

async function status(engine: Engine, id: number): Promise<string> {
  return (await act(engine, 'documents.get', { id })).status;
}

describe('nobody approves a document they made', () => {
  it('is the setting a branch starts with', async () => {
    const { engine, admin } = await branch(true);
    expect(await callOk(engine, 'settings.get', {}, admin)).toMatchObject({ forbidSelfApproval: true });
  });

  it('refuses the maker, and another approver approves', async () => {
    const { engine, admin, manager, world } = await branch(true);
    const saved = await callOk(engine, 'documents.save', { id: null, document: receipt(world) }, admin);
    await callOk(engine, 'documents.submit', { id: saved.id }, admin);
    expect(await callFailing(engine, 'documents.approve', { id: saved.id }, admin)).toEqual({
      code: 'FORBIDDEN',
      message: `单据 ${saved.number} 由您制单，按本机构设置须由他人审核。`,
      details: { reason: 'own_document' },
    });
    expect(await status(engine, saved.id)).toBe('submitted');

    await callOk(engine, 'documents.approve', { id: saved.id }, manager);
    const approved = await act(engine, 'documents.get', { id: saved.id });
    expect(approved).toMatchObject({ status: 'awaiting_warehouse', approvedByName: '赵磊' });
  });

  it('with the setting off, the maker approves their own document', async () => {
    const { engine, admin, world } = await branch(true);
    await callOk(engine, 'settings.update', { forbidSelfApproval: false }, admin);
    const saved = await callOk(engine, 'documents.save', { id: null, document: receipt(world) }, admin);
    await callOk(engine, 'documents.submit', { id: saved.id }, admin);
    await callOk(engine, 'documents.approve', { id: saved.id }, admin);
    expect(await status(engine, saved.id)).toBe('awaiting_warehouse');
  });

  it('leaves the CLI alone: it acts as no user and makes and approves', async () => {
    const { engine, world } = await branch(true);
    const { id } = await act(engine, 'documents.save', { id: null, document: receipt(world) });
    await act(engine, 'documents.submit', { id });
    await act(engine, 'documents.approve', { id });
    expect(await status(engine, id)).toBe('awaiting_warehouse');
  });

  it('on a branch that approves on submit, the maker’s submit leaves it 待审核 for someone else', async () => {
    const { engine, admin, manager, world } = await branch(false);
    const saved = await callOk(engine, 'documents.save', { id: null, document: receipt(world) }, admin);
    await callOk(engine, 'documents.submit', { id: saved.id }, admin);
    expect(await status(engine, saved.id)).toBe('submitted');
    await callOk(engine, 'documents.approve', { id: saved.id }, manager);
    expect(await status(engine, saved.id)).toBe('awaiting_warehouse');

    // With the setting off, submitting approves again, as the branch chose.
    await callOk(engine, 'settings.update', { forbidSelfApproval: false }, admin);
    const next = await callOk(engine, 'documents.save', { id: null, document: receipt(world) }, admin);
    await callOk(engine, 'documents.submit', { id: next.id }, admin);
    expect(await status(engine, next.id)).toBe('awaiting_warehouse');
  });
});

describe('what the document page offers (documents.get: actions and withheldActions)', () => {
  async function submittedByAdmin() {
    const ledger = await branch(true);
    const saved = await callOk(
      ledger.engine,
      'documents.save',
      { id: null, document: receipt(ledger.world) },
      ledger.admin,
    );
    await callOk(ledger.engine, 'documents.submit', { id: saved.id }, ledger.admin);
    return { ...ledger, id: saved.id };
  }

  it('the maker is not offered 审核 but told why; another approver is offered it', async () => {
    const { engine, admin, manager, id } = await submittedByAdmin();
    expect(await callOk(engine, 'documents.get', { id }, admin)).toMatchObject({
      status: 'submitted',
      actions: ['unapprove'],
      withheldActions: [{ action: 'approve', reason: 'own_document' }],
    });
    expect(await callOk(engine, 'documents.get', { id }, manager)).toMatchObject({
      actions: ['approve', 'unapprove'],
      withheldActions: [],
    });
  });

  it('with the setting off, the maker is offered 审核 like anyone', async () => {
    const { engine, admin, id } = await submittedByAdmin();
    await callOk(engine, 'settings.update', { forbidSelfApproval: false }, admin);
    expect(await callOk(engine, 'documents.get', { id }, admin)).toMatchObject({
      actions: ['approve', 'unapprove'],
      withheldActions: [],
    });
  });

  it('withholds nothing the state does not allow: a draft offers no 审核 to anyone', async () => {
    const { engine, admin, world } = await branch(true);
    const saved = await callOk(engine, 'documents.save', { id: null, document: receipt(world) }, admin);
    expect(await callOk(engine, 'documents.get', { id: saved.id }, admin)).toMatchObject({
      actions: ['edit', 'submit', 'delete'],
      withheldActions: [],
    });
  });
});
