import { z } from 'zod';
import { readEmployee, saveEmployee } from '../../services/master-data/employees';
import { employeeSortFields, listEmployees } from '../../services/master-data/employees-list';
import { defineMethod, saveAccess } from '../method';
import { byId, saveInput } from '../schemas/record-id';
import { employeeInputSchema } from '../schemas/employee';
import { listQuerySchema } from '../schemas/list-query';

export const employeeMethods = {
  'employees.list': defineMethod({
    input: listQuerySchema(employeeSortFields).extend({ officeId: z.number().int().optional() }),
    access: 'masterData.view',
    handler: (ctx, query) => listEmployees(ctx, query),
  }),

  'employees.get': defineMethod({
    input: byId,
    access: 'masterData.view',
    handler: (ctx, { id }) => readEmployee(ctx.db, id),
  }),

  'employees.save': defineMethod({
    input: saveInput({ employee: employeeInputSchema }),
    access: saveAccess('masterData.create', 'masterData.edit'),
    handler: (ctx, { id, version, employee }) => saveEmployee(ctx, employee, id, version),
  }),
};
