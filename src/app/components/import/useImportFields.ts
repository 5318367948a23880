import { useApiQuery } from '../../api/useApi';
import type { ImportEntity, ImportField } from './importTypes';

/** The entity's fields with the engine's labels, in the order of the mapping's keys. */
export function useImportFields(entity: ImportEntity, fieldKeys: readonly string[]) {
  const spec = useApiQuery('import.fields', { entity });
  const byKey = new Map((spec.data ?? []).map((field) => [field.key, field]));
  const fields: ImportField[] = fieldKeys.map(
    (key) => byKey.get(key) ?? { key, label: key, required: false },
  );
  return { fields, loading: spec.isPending };
}
