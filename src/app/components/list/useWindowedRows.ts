import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ApiMethod } from '../../../shared/api';
import type { ApiCallError } from '../../api/client';
import type { RowWindow } from './entityListConfig';

/** The row after the last one fetched: the table shows it as a placeholder, and drawing it asks for more. */
export interface PendingRow {
  pendingIndex: number;
}

export const windowSize = 200;

export function isPendingRow(row: object): row is PendingRow {
  return 'pendingIndex' in row;
}

/**
 * The rows of a list that may hold 100,000 records, fetched from the engine 200 at a time as the
 * person scrolls towards the end. The table holds only what was fetched (its cost grows with
 * that, not with the total), the total comes with every window, and searching is the engine's.
 */
export function useWindowedRows<Row extends object>(options: {
  cacheKey: ApiMethod;
  query: unknown;
  fetchWindow: (window: RowWindow) => Promise<{ total: number; rows: Row[] }>;
}) {
  const { cacheKey, query, fetchWindow } = options;
  const result = useInfiniteQuery({
    // Marked as windows: the same method's plain reads (pickers) keep their own cache entries.
    queryKey: [cacheKey, 'windows', query],
    queryFn: ({ pageParam }) => fetchWindow({ offset: pageParam, limit: windowSize }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const fetched = pages.reduce((count, page) => count + page.rows.length, 0);
      return last.rows.length === windowSize && fetched < last.total ? fetched : undefined;
    },
    placeholderData: keepPreviousData,
  });

  const pages = result.data?.pages;
  const total = pages?.[pages.length - 1]?.total;
  const hasMore = result.hasNextPage;
  const rows = useMemo<(Row | PendingRow)[]>(() => {
    const fetched = pages?.flatMap((page) => page.rows) ?? [];
    return hasMore ? [...fetched, { pendingIndex: fetched.length }] : fetched;
  }, [pages, hasMore]);

  const { fetchNextPage, isFetchingNextPage } = result;
  /** Asks for the next window when row `index` is near the end of what was fetched. */
  const request = useCallback(
    (index: number) => {
      if (hasMore && !isFetchingNextPage && index >= rows.length - windowSize / 2) void fetchNextPage();
    },
    [hasMore, isFetchingNextPage, rows.length, fetchNextPage],
  );

  return {
    rows,
    total,
    fetched: rows.length - (hasMore ? 1 : 0),
    request,
    isFetching: result.isFetching,
    isLoading: result.isPending,
    error: result.error as ApiCallError | null,
    refetch: () => result.refetch(),
  };
}
