import { useSearchParams } from 'react-router';

/**
 * The branch drilled into, kept in the address (`?branch=BJ01`) so that any page can open it, the
 * browser's back button closes it, and a drilled view can be bookmarked.
 */
export function useBranchDrill(): { branch: string | null; open(code: string): void; close(): void } {
  const [params, setParams] = useSearchParams();
  return {
    branch: params.get('branch'),
    open: (code) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('branch', code);
        return next;
      }),
    close: () =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.delete('branch');
        return next;
      }),
  };
}
