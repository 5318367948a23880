import { createAccount, type webApi } from './api';
import type { WebMode } from './web-mode';

type Api = ReturnType<typeof webApi>;

/** A keeper account and the warehouses they keep, by code; the ids come back by code. */
export async function keeperWithWarehouses(
  web: WebMode,
  admin: Api,
  keeper: { username: string; password: string; displayName: string },
  warehouses: readonly (readonly [code: string, name: string])[],
): Promise<Record<string, number>> {
  const keeperId = (await createAccount(web, admin, { ...keeper, role: 'keeper' })).id;
  const ids: Record<string, number> = {};
  for (const [code, name] of warehouses) {
    ids[code] = (
      await admin.call<{ id: number }>('warehouses.save', {
        id: null,
        warehouse: { code, name, keeperIds: [keeperId] },
      })
    ).id;
  }
  return ids;
}

/** A customer or supplier with whatever else the flow needs of it (a credit limit, …); its id. */
export async function saveCounterparty(
  admin: Api,
  counterparty: { code: string; name: string; kind: 'customer' | 'supplier' } & Record<string, unknown>,
): Promise<number> {
  return (await admin.call<{ id: number }>('counterparties.save', { id: null, counterparty })).id;
}

/** 鲜牛奶 (SP001) counted in 袋, bought and sold by the 箱 of 24: the goods most flows move; its id. */
export async function saveMilk(admin: Api): Promise<number> {
  const goods = {
    code: 'SP001',
    name: '鲜牛奶',
    units: [
      { name: '袋', ratio: '1', isBase: true },
      { name: '箱', ratio: '24', isBase: false },
    ],
  };
  return (await admin.call<{ id: number }>('goods.save', { id: null, goods })).id;
}

/**
 * 鲜牛奶, 华联超市 and 一号仓, and a draft delivery of 29 袋 to it: what a print is tried on (a draft
 * prints as it stands, and needs no stock). Its number.
 */
export async function draftMilkDelivery(admin: Api): Promise<string> {
  const milk = await saveMilk(admin);
  const customer = await saveCounterparty(admin, { code: 'KH001', name: '华联超市', kind: 'customer' });
  const warehouse = (
    await admin.call<{ id: number }>('warehouses.save', {
      id: null,
      warehouse: { code: 'CK01', name: '一号仓' },
    })
  ).id;
  const saved = await admin.call<{ id: number }>('documents.save', {
    id: null,
    document: {
      type: 'sales_delivery',
      businessDate: '2026-11-20',
      counterpartyId: customer,
      lines: [{ goodsId: milk, warehouseId: warehouse, unitName: '袋', quantity: '29', unitPrice: '3.5' }],
    },
  });
  return (await admin.call<{ number: string }>('documents.get', { id: saved.id })).number;
}
