import { z } from 'zod';
import { officeKinds } from '../../domain/master-data/office-kinds';
import { optionalId, recordCode, trimmedText } from './record-fields';

export const officeInputSchema = z.object({
  code: recordCode('办事处/部门编码', 20),
  name: trimmedText('办事处/部门名称', 30).min(1, '请填写办事处/部门名称'),
  kind: z.enum(officeKinds).default('office'),
  parentId: optionalId(),
  remark: trimmedText('备注', 200).default(''),
  active: z.boolean().default(true),
});
