import { methodFromRun } from './costing-run';
import { emptyLayerQueue, layerQueueBalance, openLayerQueue, type LayerQueueState } from './layer-queue';

/** 先进先出 (DOMAIN.md §6.2): issues consume the oldest layer first. */
export const fifo = methodFromRun<LayerQueueState>({
  name: 'fifo',
  initial: () => emptyLayerQueue,
  balance: layerQueueBalance,
  open: (state) => openLayerQueue(state, 'oldest_first'),
});
