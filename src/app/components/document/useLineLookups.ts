import { useQuery } from '@tanstack/react-query';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import { useClient } from '../../api/ClientContext';
import type { ApiCallError } from '../../api/client';
import type { LineDraft } from './documentDraft';
import { lastPriceSide, type DocumentType } from './documentTypes';

export type AvailableStock = ApiOutput<'stock.available'>;
type LastPrices = ApiOutput<'prices.last'>;
/** One empty answer for every render, so what is derived from it is not worked out again each time. */
const noPrices: LastPrices = [];

/** The goods on the lines, once each and in a stable order, so the lookups' keys change only with them. */
export function goodsIdsOf(lines: readonly LineDraft[]): number[] {
  return [...new Set(lines.flatMap((line) => (line.goodsId === null ? [] : [line.goodsId])))].sort(
    (a, b) => a - b,
  );
}

/** Two questions that differ at most in the goods asked about. */
function sameApartFromGoods(a: unknown, b: object): boolean {
  return JSON.stringify({ ...(a as object), goodsIds: null }) === JSON.stringify({ ...b, goodsIds: null });
}

/**
 * Asks about all the lines' goods at once. While a newly picked goods is asked about, the answer for
 * the others stays on screen: their prices and stock do not blink away and back. Asked of another
 * counterparty, nothing is kept: its prices are not this one's.
 */
function useGoodsLookup<M extends ApiMethod>(method: M, input: ApiInput<M> & object, enabled: boolean) {
  const client = useClient();
  return useQuery<ApiOutput<M>, ApiCallError>({
    queryKey: [method, input],
    queryFn: () => client.call(method, input),
    enabled,
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameApartFromGoods(previousQuery.queryKey[1], input) ? previous : undefined,
  });
}

/** 价格跟踪: the counterparty's last price per goods and unit, while the document is being entered. */
export function useLastPrices(
  type: DocumentType,
  counterpartyId: number | null,
  goodsIds: number[],
  enabled: boolean,
) {
  const side = lastPriceSide(type);
  const wanted = enabled && side !== null && counterpartyId !== null && goodsIds.length > 0;
  const query = useGoodsLookup(
    'prices.last',
    { counterpartyId: counterpartyId ?? 0, side: side ?? 'sale', goodsIds },
    wanted,
  );
  return (wanted && query.data) || noPrices;
}

/** 可用库存 per goods and warehouse (on hand less what open sales orders hold), for a sale's lines. */
export function useAvailableStock(
  goodsIds: number[],
  enabled: boolean,
  exceptOrderId: number | null,
): AvailableStock | undefined {
  const wanted = enabled && goodsIds.length > 0;
  const query = useGoodsLookup(
    'stock.available',
    exceptOrderId === null ? { goodsIds } : { goodsIds, exceptOrderId },
    wanted,
  );
  return wanted ? query.data : undefined;
}
