import { EntityListPage } from '../../components/list/EntityListPage';
import { counterpartyList } from './counterparties/counterpartyList';
import { employeeList } from './employees/employeeConfig';
import { goodsList } from './goods/goodsList';
import { officeList } from './offices/officeConfig';
import { warehouseList } from './warehouses/warehouseConfig';

// 基础资料: each page is the one list page, given its entity's configuration.

export const GoodsPage = () => <EntityListPage config={goodsList} />;
export const CounterpartiesPage = () => <EntityListPage config={counterpartyList} />;
export const WarehousesPage = () => <EntityListPage config={warehouseList} />;
export const OfficesPage = () => <EntityListPage config={officeList} />;
export const EmployeesPage = () => <EntityListPage config={employeeList} />;
