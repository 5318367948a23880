import type { CostingMethod } from '../branch/profile';

export const costingMethodLabels: Record<CostingMethod, string> = {
  moving_average: '移动加权平均',
  fifo: '先进先出',
  lifo: '后进先出',
  specific: '个别计价',
  monthly_average: '全月一次加权平均',
};
