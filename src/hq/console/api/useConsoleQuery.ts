import { useQuery } from '@tanstack/react-query';
import { consoleFetch } from './consoleFetch';
import { useConsoleToken } from './ConsoleTokenContext';

/** A console API read, cached by its path and parameters. */
export function useConsoleQuery<T>(path: string, params: Record<string, string | undefined> = {}) {
  const token = useConsoleToken();
  return useQuery({
    queryKey: [path, params],
    queryFn: () => consoleFetch<T>(token, path, params),
  });
}
