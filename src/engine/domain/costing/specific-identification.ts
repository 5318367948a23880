import { methodFromRun } from './costing-run';
import { emptyLayerQueue, layerQueueBalance, openLayerQueue, type LayerQueueState } from './layer-queue';

/**
 * 个别计价 (DOMAIN.md §6.2): every receipt is a layer under its key (the receipt line or the lot) and
 * every issue names the layer it takes from. An issue beyond what its layer holds is refused naming the
 * layer, even where negative stock is allowed: a named lot cannot go below zero.
 */
export const specificIdentification = methodFromRun<LayerQueueState>({
  name: 'specific',
  initial: () => emptyLayerQueue,
  balance: layerQueueBalance,
  open: (state) => openLayerQueue(state, null),
});
