import { z } from 'zod';
import { recordCode, trimmedText } from './record-fields';

export const warehouseInputSchema = z.object({
  code: recordCode('仓库编码', 20),
  name: trimmedText('仓库名称', 30).min(1, '请填写仓库名称'),
  address: trimmedText('地址', 120).default(''),
  remark: trimmedText('备注', 200).default(''),
  active: z.boolean().default(true),
  keeperIds: z.array(z.number().int()).max(50, '仓管员最多 50 位').default([]),
});
