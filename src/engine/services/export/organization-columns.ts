import { employeeSpec, officeSpec, warehouseSpec } from '../../domain/master-data/organization-spec';
import type { listEmployees } from '../master-data/employees-list';
import type { listOffices } from '../master-data/offices-list';
import type { listWarehouses } from '../master-data/warehouses-list';
import { specColumn, text, timestamp, yesNo, type ExportColumn } from './export-column';

type WarehouseListRow = ReturnType<typeof listWarehouses>['rows'][number];
type OfficeListRow = ReturnType<typeof listOffices>['rows'][number];
type EmployeeListRow = ReturnType<typeof listEmployees>['rows'][number];

const updatedAt = <Row extends { updatedAt: string }>(): ExportColumn<Row> => ({
  key: 'updatedAt',
  label: '修改时间',
  width: 17,
  cell: (row) => timestamp(row.updatedAt),
});

export const warehouseColumns: ExportColumn<WarehouseListRow>[] = [
  specColumn(warehouseSpec, 'code', (row) => text(row.code)),
  specColumn(warehouseSpec, 'name', (row) => text(row.name)),
  specColumn(warehouseSpec, 'address', (row) => text(row.address)),
  specColumn(warehouseSpec, 'keepers', (row) => text(row.keepers)),
  specColumn(warehouseSpec, 'active', (row) => yesNo(warehouseSpec, 'active', row.active)),
  specColumn(warehouseSpec, 'remark', (row) => text(row.remark)),
  updatedAt(),
];

export const officeColumns: ExportColumn<OfficeListRow>[] = [
  specColumn(officeSpec, 'code', (row) => text(row.code)),
  specColumn(officeSpec, 'name', (row) => text(row.name)),
  specColumn(officeSpec, 'kind', (row) => text(row.kindLabel)),
  specColumn(officeSpec, 'parentCode', (row) => text(row.parentCode)),
  { key: 'parentName', label: '上级名称', width: 16, cell: (row) => text(row.parentName) },
  specColumn(officeSpec, 'active', (row) => yesNo(officeSpec, 'active', row.active)),
  specColumn(officeSpec, 'remark', (row) => text(row.remark)),
  updatedAt(),
];

export const employeeColumns: ExportColumn<EmployeeListRow>[] = [
  specColumn(employeeSpec, 'code', (row) => text(row.code)),
  specColumn(employeeSpec, 'name', (row) => text(row.name)),
  specColumn(employeeSpec, 'office', (row) => text(row.officeName)),
  specColumn(employeeSpec, 'phone', (row) => text(row.phone)),
  specColumn(employeeSpec, 'title', (row) => text(row.title)),
  specColumn(employeeSpec, 'username', (row) => text(row.username)),
  specColumn(employeeSpec, 'active', (row) => yesNo(employeeSpec, 'active', row.active)),
  specColumn(employeeSpec, 'remark', (row) => text(row.remark)),
  updatedAt(),
];
