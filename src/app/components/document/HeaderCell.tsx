import type { ReactNode } from 'react';
import type { HeaderValues } from './documentDraft';

/** A header field the Enter key visits, as a grid cell is; the engine's refusals find it by name. */
export function HeaderCell({
  name,
  open,
  children,
}: {
  name: keyof HeaderValues;
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <div data-cell={`header:${name}`} data-open={open ? 'true' : undefined}>
      {children}
    </div>
  );
}
