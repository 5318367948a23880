import type { Engine } from '../../../src/engine';
import { cliActor } from '../../../src/engine/services/context';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../src/shared/api';
import { administrator, beijingBranch, callOk, newLedger, type TestLedger } from './ledger';
import type { ApiError } from '../../../src/shared/errors';

/** Calls a method as the CLI (an administrator) and returns its result, or throws with the message. */
export async function act<M extends ApiMethod>(
  engine: Engine,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const response = await engine.callAs(cliActor, method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.result as ApiOutput<M>;
}

/** Calls a method as the CLI and hands back the engine's answer as it is, a refusal included. */
export async function attempt<M extends ApiMethod>(
  engine: Engine,
  method: M,
  input: ApiInput<M>,
): Promise<{ ok: true; result: ApiOutput<M> } | { ok: false; error: ApiError }> {
  const response = await engine.callAs(cliActor, method, input);
  return response.ok
    ? { ok: true, result: response.result as ApiOutput<M> }
    : { ok: false, error: response.error };
}

/** The error a method must answer with, as the CLI. */
export async function refused(engine: Engine, method: ApiMethod, input: unknown): Promise<ApiError> {
  const response = await engine.callAs(cliActor, method, input);
  if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
  return response.error;
}

export interface StockWorld {
  engine: Engine;
  warehouse1: number;
  warehouse2: number;
  supplier: number;
  customer: number;
  /** 鲜牛奶: base 袋, 1 箱 = 24 袋. */
  milk: number;
  /** 酸奶: base 杯, 1 箱 = 12 杯, lot tracked. */
  yogurt: number;
}

/** Two warehouses, a supplier, a customer, milk in 箱 / 袋 and a lot-tracked yogurt. */
export async function stockWorld(engine: Engine): Promise<StockWorld> {
  const warehouse = async (code: string, name: string) =>
    (await act(engine, 'warehouses.save', { id: null, warehouse: { code, name } })).id;
  const counterparty = async (code: string, name: string, kind: 'supplier' | 'customer') =>
    (await act(engine, 'counterparties.save', { id: null, counterparty: { code, name, kind } })).id;
  const goods = async (code: string, name: string, base: string, box: string, lotTracked = false) =>
    (
      await act(engine, 'goods.save', {
        id: null,
        goods: {
          code,
          name,
          lotTracked,
          ...(lotTracked ? { shelfLifeDays: 21 } : {}),
          units: [
            { name: base, ratio: '1', isBase: true },
            { name: '箱', ratio: box, isBase: false },
          ],
        },
      })
    ).id;
  return {
    engine,
    warehouse1: await warehouse('CK01', '一号仓'),
    warehouse2: await warehouse('CK02', '二号仓'),
    supplier: await counterparty('GY001', '蒙牛乳业', 'supplier'),
    customer: await counterparty('KH001', '华联超市', 'customer'),
    milk: await goods('SP001', '鲜牛奶', '袋', '24'),
    yogurt: await goods('SP002', '酸奶', '杯', '12', true),
  };
}

type DocumentInput = ApiInput<'documents.save'>['document'];

/** Saves, submits and (where the branch approves separately) approves a document; returns its id. */
export async function enterAndApprove(engine: Engine, document: DocumentInput): Promise<number> {
  const { id } = await act(engine, 'documents.save', { id: null, document });
  await act(engine, 'documents.submit', { id });
  const view = await act(engine, 'documents.get', { id });
  if (view.status === 'submitted') await act(engine, 'documents.approve', { id });
  return id;
}

/** Enters, approves and confirms a document at each warehouse its lines name. */
export async function post(engine: Engine, document: DocumentInput): Promise<number> {
  const id = await enterAndApprove(engine, document);
  await confirmAll(engine, id);
  return id;
}

/**
 * A delivery of 鲜牛奶 to the world's customer from 一号仓, posted: `lines` lines of `bags` 袋 at 3.50
 * (29 袋 print as 1箱5袋: 101.50, 114.70 with 13% tax); its number. The stock must be there.
 */
export async function deliverMilk(
  engine: Engine,
  world: StockWorld,
  businessDate: string,
  bags: string,
  lines = 1,
): Promise<string> {
  const id = await post(engine, {
    type: 'sales_delivery',
    businessDate,
    counterpartyId: world.customer,
    lines: Array.from({ length: lines }, () => ({
      goodsId: world.milk,
      warehouseId: world.warehouse1,
      unitName: '袋',
      quantity: bags,
      unitPrice: '3.5',
    })),
  });
  return (await act(engine, 'documents.get', { id })).number;
}

/** Confirms every warehouse still waiting on a document (shipping, then receiving for transfers). */
export async function confirmAll(engine: Engine, id: number): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const queue = (await act(engine, 'warehouse.queue', {})).filter((entry) => entry.documentId === id);
    if (queue.length === 0) return;
    for (const entry of queue) {
      await act(engine, 'warehouse.confirm', { documentId: id, warehouseId: entry.warehouseId });
    }
  }
}

export type BranchProfileInput = ApiInput<'setup.createBranch'>['profile'];

/**
 * 北京分公司 set up with a profile of the test's (submit = approve unless it says otherwise), and its
 * stock world.
 */
export async function stockLedger(
  profile: Partial<BranchProfileInput> = {},
): Promise<TestLedger & { world: StockWorld }> {
  const test = await newLedger();
  await callOk(test.engine, 'setup.createBranch', {
    profile: { ...beijingBranch, approvalRequired: false, ...profile },
    administrator,
  });
  return { ...test, world: await stockWorld(test.engine) };
}
