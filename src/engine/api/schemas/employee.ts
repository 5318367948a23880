import { z } from 'zod';
import { optionalId, recordCode, trimmedText } from './record-fields';

export const employeeInputSchema = z.object({
  code: recordCode('职员编码', 20),
  name: trimmedText('职员姓名', 20).min(1, '请填写职员姓名'),
  officeId: optionalId(),
  phone: trimmedText('电话', 40).default(''),
  title: trimmedText('职务', 20).default(''),
  userId: optionalId(),
  remark: trimmedText('备注', 200).default(''),
  active: z.boolean().default(true),
});
