import { useQuery } from '@tanstack/react-query';
import { useClient } from '../../api/ClientContext';
import type { ImportEntity, ImportField } from './importTypes';

/** How the engine's template marks a required column ("*商品编码"). */
const requiredMark = '*';

/**
 * The fields of an entity with the engine's labels, for the column mapping. The API has no call
 * for them yet (an `import.fields` method is asked for), so they are read from the engine's own
 * import template: its first row is every field's label, in the order of the mapping's keys, the
 * required ones marked. Nothing here names a field by itself.
 */
export function useImportFields(entity: ImportEntity, fieldKeys: readonly string[]) {
  const client = useClient();
  const template = useQuery({
    queryKey: ['import.template', { entity }, 'header'],
    queryFn: async () => {
      const [file, XLSX] = await Promise.all([
        client.call('import.template', { entity }),
        import('@e965/xlsx'),
      ]);
      const workbook = XLSX.read(file.contentBase64, { type: 'base64', sheetRows: 1 });
      const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
      const [header = []] = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' });
      return header.map(String);
    },
    staleTime: Infinity,
  });
  const header = template.data ?? [];
  const fields: ImportField[] = fieldKeys.map((key, index) => {
    const text = header.length === fieldKeys.length ? (header[index] ?? '') : '';
    return {
      key,
      label: text.replace(requiredMark, '') || key,
      required: text.startsWith(requiredMark),
    };
  });
  return { fields, loading: template.isPending };
}
