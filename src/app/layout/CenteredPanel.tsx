import type { ReactNode } from 'react';

/** The frame of the screens shown before the shell: first run and login. */
export function CenteredPanel({ width, children }: { width: number; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'flex-start',
        background: '#f0f2f5',
        padding: '48px 16px',
      }}
    >
      <div style={{ width, maxWidth: '100%' }}>{children}</div>
    </div>
  );
}
