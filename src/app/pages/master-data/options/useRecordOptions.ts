import { useApiQuery } from '../../../api/useApi';
import type { OptionSource } from '../../../components/list/entityListConfig';

/** Offices, employees and warehouses number in the tens: a picker loads them whole. */
const everyLiveRecord = { recycleBin: false, limit: 1000 } as const;

function recordOptions(rows: { id: number; code: string; name: string; active: boolean }[] | undefined) {
  return (rows ?? []).map((row) => ({
    value: row.id,
    label: `${row.name}（${row.code}）`,
    disabled: !row.active,
  }));
}

/** 办事处/部门, for counterparties, employees and the office tree. */
export function useOfficeOptions(): OptionSource {
  const offices = useApiQuery('offices.list', everyLiveRecord);
  return { options: recordOptions(offices.data?.rows), loading: offices.isPending };
}

/** 职员, for a customer's salesperson. */
export function useEmployeeOptions(): OptionSource {
  const employees = useApiQuery('employees.list', everyLiveRecord);
  return { options: recordOptions(employees.data?.rows), loading: employees.isPending };
}

/** The app's users, for a warehouse's keepers and an employee's login. */
export function useUserOptions(): OptionSource {
  const users = useApiQuery('users.list', {});
  return {
    loading: users.isPending,
    options: (users.data ?? []).map((user) => ({
      value: user.id,
      label: `${user.displayName}（${user.username}）`,
      disabled: !user.active,
    })),
  };
}

/** 仓库, for the goods' stock lines. */
export function useWarehouses() {
  return useApiQuery('warehouses.list', everyLiveRecord);
}
