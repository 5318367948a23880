import type { QueryClient } from '@tanstack/react-query';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api';
import type { LedgerClient } from './client';
import { markStale } from './invalidation';

/**
 * The client every screen uses: after a write succeeds, the reads it made stale (invalidation.ts) are
 * marked so, whichever screen made it and whichever screens show them. No screen lists them itself.
 */
export function withStaleMarking(client: LedgerClient, queryClient: QueryClient): LedgerClient {
  return {
    ...client,
    call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
      const answer = client.call(method, input);
      // Open screens have read again by the time the write's caller goes on, as they see it.
      return answer.then(() => markStale(queryClient, method)).then(() => answer);
    },
  };
}
