import { useMutation, useQuery } from '@tanstack/react-query';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api';
import type { ApiCallError } from './client';
import { useClient } from './ClientContext';

/** Reads through the API, cached per method and input. */
export function useApiQuery<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  options: { enabled?: boolean; refetchInterval?: number } = {},
) {
  const client = useClient();
  return useQuery<ApiOutput<M>, ApiCallError>({
    queryKey: [method, input],
    queryFn: () => client.call(method, input),
    enabled: options.enabled ?? true,
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
  });
}

/**
 * Writes through the API. What the write makes stale is read again by the client itself, from the one
 * map of invalidation.ts: no screen lists it.
 */
export function useApiMutation<M extends ApiMethod>(method: M) {
  const client = useClient();
  return useMutation<ApiOutput<M>, ApiCallError, ApiInput<M>>({
    mutationFn: (input) => client.call(method, input),
  });
}
