import { z } from 'zod';
import { readEmployee, saveEmployee } from '../../services/master-data/employees';
import { employeeSortFields, listEmployees } from '../../services/master-data/employees-list';
import { officeKinds } from '../../domain/master-data/office-kinds';
import { readOffice, saveOffice } from '../../services/master-data/offices';
import { listOffices, officeSortFields } from '../../services/master-data/offices-list';
import { listUsers } from '../../services/master-data/users-list';
import { readWarehouse, saveWarehouse } from '../../services/master-data/warehouses';
import { listWarehouses, warehouseSortFields } from '../../services/master-data/warehouses-list';
import { defineMethod } from '../method';
import { employeeInputSchema } from '../schemas/employee';
import { listQuerySchema } from '../schemas/list-query';
import { officeInputSchema } from '../schemas/office';
import { warehouseInputSchema } from '../schemas/warehouse';

const byId = z.object({ id: z.number().int() });
const saveId = z.number().int().nullable().default(null);

/** Warehouses, offices and departments, employees, and the users they link to. */
export const organizationMethods = {
  'warehouses.list': defineMethod({
    input: listQuerySchema(warehouseSortFields),
    access: 'masterData.read',
    handler: (ctx, query) => listWarehouses(ctx, query),
  }),

  'warehouses.get': defineMethod({
    input: byId,
    access: 'masterData.read',
    handler: (ctx, { id }) => readWarehouse(ctx.db, id),
  }),

  /** Creates a warehouse (no id) or replaces one (id), with its keepers. */
  'warehouses.save': defineMethod({
    input: z.object({ id: saveId, warehouse: warehouseInputSchema }),
    access: 'masterData.edit',
    handler: (ctx, { id, warehouse }) => saveWarehouse(ctx, warehouse, id),
  }),

  'offices.list': defineMethod({
    input: listQuerySchema(officeSortFields).extend({ kind: z.enum(officeKinds).optional() }),
    access: 'masterData.read',
    handler: (ctx, query) => listOffices(ctx, query),
  }),

  'offices.get': defineMethod({
    input: byId,
    access: 'masterData.read',
    handler: (ctx, { id }) => readOffice(ctx.db, id),
  }),

  'offices.save': defineMethod({
    input: z.object({ id: saveId, office: officeInputSchema }),
    access: 'masterData.edit',
    handler: (ctx, { id, office }) => saveOffice(ctx, office, id),
  }),

  'employees.list': defineMethod({
    input: listQuerySchema(employeeSortFields).extend({ officeId: z.number().int().optional() }),
    access: 'masterData.read',
    handler: (ctx, query) => listEmployees(ctx, query),
  }),

  'employees.get': defineMethod({
    input: byId,
    access: 'masterData.read',
    handler: (ctx, { id }) => readEmployee(ctx.db, id),
  }),

  'employees.save': defineMethod({
    input: z.object({ id: saveId, employee: employeeInputSchema }),
    access: 'masterData.edit',
    handler: (ctx, { id, employee }) => saveEmployee(ctx, employee, id),
  }),

  /** For choosing a warehouse's keepers and an employee's login; never hashes or lockout state. */
  'users.list': defineMethod({
    input: z.object({}),
    access: 'masterData.read',
    handler: (ctx) => listUsers(ctx.db),
  }),
};
