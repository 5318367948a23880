import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../../src/shared/api';
import { createClient, type Transport } from '../../../src/app/api/client';
import { isReadMethod, readMethods, staleAfter, staleReadsAfter } from '../../../src/app/api/invalidation';
import { withStaleMarking } from '../../../src/app/api/staleMarkingClient';
import { router } from '../../../src/engine/api/router';

/**
 * One map says which reads each write makes stale (src/app/api/invalidation.ts); the client applies it
 * after every write, so no screen lists them and a screen left open shows figures that moved elsewhere.
 */
const apiMethods = Object.keys(router) as ApiMethod[];
const writes = apiMethods.filter((method) => !isReadMethod(method));

describe('the map of what each write makes stale', () => {
  it('names only methods of the API as reads', () => {
    expect(readMethods.filter((method) => !(method in router))).toEqual([]);
  });

  it('has a line for every write of the API, so a new write cannot be forgotten', () => {
    expect(writes.filter((method) => !Object.hasOwn(staleAfter, method))).toEqual([]);
    expect(Object.keys(staleAfter).sort()).toEqual([...writes].sort());
  });

  it('makes only reads stale, never another write', () => {
    const named = Object.values(staleAfter).flat();
    expect(named.filter((method) => !isReadMethod(method))).toEqual([]);
  });

  it('calls reads only what is named like one or computes without storing', () => {
    // A read is a list, a record, a search, a report, a preview; a name like save / confirm / update
    // in the read list would let a write go unmarked.
    const writeLike =
      /\.(save|create|update|delete|purge|restore|setActive|submit|approve|confirm|close|reopen|void|reverse|settle|autoSettle|reverseSettlement|commit|backup|login|logout|unlock|resetPassword|createBranch)$/;
    expect(readMethods.filter((method) => writeLike.test(method))).toEqual([]);
  });

  it.each([
    // write → reads an open screen shows that it must read again
    [
      'warehouse.confirm',
      [
        'stock.available',
        'money.credit',
        'documents.get',
        'documents.list',
        'warehouse.queue',
        'reports.stockBalance',
      ],
    ],
    ['documents.approve', ['stock.available', 'money.credit', 'documents.list', 'prices.last']],
    ['documents.save', ['documents.list', 'money.credit', 'prices.last', 'stock.available']],
    [
      'money.settle',
      ['money.openItems', 'money.settlements', 'money.balances', 'money.credit', 'reports.aging'],
    ],
    ['goods.save', ['goods.list', 'goods.get', 'goods.search', 'categories.list']],
    ['counterparties.save', ['counterparties.list', 'counterparties.search', 'money.credit']],
    ['masterData.setActive', ['goods.list', 'counterparties.list', 'warehouses.list']],
    ['import.commit', ['goods.list', 'documents.list', 'counterparties.search']],
  ] as const)('%s makes stale %j', (write, reads) => {
    expect(staleReadsAfter(write)).toEqual(expect.arrayContaining([...reads]));
  });

  it('says of a read that it makes nothing stale', () => {
    expect(staleReadsAfter('stock.available')).toEqual([]);
  });
});

describe('the client marks stale what a write moved', () => {
  /** An engine that answers every call with {}, counting the reads it is asked. */
  const engine = () => {
    const asked: string[] = [];
    const transport: Transport = async ({ method }) => {
      asked.push(method);
      return { ok: true, result: {} };
    };
    return { asked, transport };
  };
  const storage = () => {
    const values = new Map<string, string>();
    return {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    };
  };

  it('a keeper confirming refreshes 可用库存 and the customer’s 信用 on an open document page', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { asked, transport } = engine();
    const client = withStaleMarking(createClient(transport, storage()), queryClient);
    // The sale being entered watches both, as DocumentLineGrid and CustomerCredit do.
    const watched = [
      ['stock.available', { goodsIds: [7] }],
      ['money.credit', { counterpartyId: 3 }],
    ] as const;
    const observers = watched.map(
      ([method, input]) =>
        new QueryObserver(queryClient, {
          queryKey: [method, input],
          queryFn: () => client.call(method, input as never),
        }),
    );
    const unsubscribe = observers.map((observer) => observer.subscribe(() => undefined));
    await Promise.all(observers.map((observer) => observer.refetch()));
    asked.length = 0;

    await client.call('warehouse.confirm', { documentId: 11, warehouseId: 1 });

    expect(asked).toEqual(['warehouse.confirm', 'stock.available', 'money.credit']);
    unsubscribe.forEach((stop) => stop());
  });

  it('a read marks nothing stale', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['stock.available', { goodsIds: [7] }], []);
    const { transport } = engine();
    const client = withStaleMarking(createClient(transport, storage()), queryClient);
    await client.call('documents.get', { id: 11 });
    expect(queryClient.getQueryState(['stock.available', { goodsIds: [7] }])?.isInvalidated).toBe(false);
  });

  it('a refused write marks nothing stale', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['stock.available', { goodsIds: [7] }], []);
    const refusing: Transport = async () => ({
      ok: false,
      error: { code: 'CONFLICT', message: '该单据已确认' },
    });
    const client = withStaleMarking(createClient(refusing, storage()), queryClient);
    await expect(client.call('warehouse.confirm', { documentId: 11, warehouseId: 1 })).rejects.toThrow(
      '该单据已确认',
    );
    expect(queryClient.getQueryState(['stock.available', { goodsIds: [7] }])?.isInvalidated).toBe(false);
  });
});
