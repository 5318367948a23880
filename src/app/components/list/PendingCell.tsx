import { Typography } from 'antd';
import { useEffect } from 'react';

/** Stands in for a row not fetched yet; being drawn (scrolled into view) is what asks for it. */
export function PendingCell({ index, onShown }: { index: number; onShown: (index: number) => void }) {
  useEffect(() => onShown(index), [index, onShown]);
  return <Typography.Text type="secondary">…</Typography.Text>;
}
