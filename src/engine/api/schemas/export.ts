import { z } from 'zod';
import { counterpartyMethods } from '../methods/counterparties';
import { goodsMethods } from '../methods/goods';
import { employeeMethods } from '../methods/employees';
import { officeMethods } from '../methods/offices';
import { warehouseMethods } from '../methods/warehouses';
import { trimmedText } from './record-fields';

/** A list's own query (search, filters, sort), as its page sends it to `<entity>.list`, without the page window. */
const window = { offset: true, limit: true } as const;
const goodsQuery = goodsMethods['goods.list'].input.omit(window).prefault({});
const counterpartyQuery = counterpartyMethods['counterparties.list'].input.omit(window).prefault({});
const warehouseQuery = warehouseMethods['warehouses.list'].input.omit(window).prefault({});
const officeQuery = officeMethods['offices.list'].input.omit(window).prefault({});
const employeeQuery = employeeMethods['employees.list'].input.omit(window).prefault({});

/** Visible columns, in the order the clerk sees them; empty: every column. */
const columns = z.array(trimmedText('列名', 60)).max(100).default([]);

export const exportListSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('goods'), query: goodsQuery, columns }),
  z.object({ entity: z.literal('counterparties'), query: counterpartyQuery, columns }),
  z.object({ entity: z.literal('warehouses'), query: warehouseQuery, columns }),
  z.object({ entity: z.literal('offices'), query: officeQuery, columns }),
  z.object({ entity: z.literal('employees'), query: employeeQuery, columns }),
]);

export const exportEntitySchema = z.enum(['goods', 'counterparties', 'warehouses', 'offices', 'employees']);
