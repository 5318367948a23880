import { methodFromRun } from './costing-run';
import { emptyLayerQueue, layerQueueBalance, openLayerQueue, type LayerQueueState } from './layer-queue';

/**
 * 后进先出 (DOMAIN.md §6.2): issues consume the newest layer first. Not permitted for statutory
 * reporting under CAS 1 / IFRS; the warning where it is chosen is the settings page's job.
 */
export const lifo = methodFromRun<LayerQueueState>({
  name: 'lifo',
  initial: () => emptyLayerQueue,
  balance: layerQueueBalance,
  open: (state) => openLayerQueue(state, 'newest_first'),
});
