import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/client';

/**
 * Puts the engine's validation messages beside the fields they concern. Returns whether any
 * landed on a field; when none did, the caller shows the message as a whole.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, pathPrefix: string[] = []): boolean {
  if (!(error instanceof ApiCallError)) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const fields = error.fieldIssues
    .map((issue) => ({
      name: issue.path.slice(pathPrefix.length),
      message: issue.message,
      prefix: issue.path.slice(0, pathPrefix.length),
    }))
    .filter(
      (issue) =>
        issue.prefix.join('.') === pathPrefix.join('.') &&
        issue.name[0] !== undefined &&
        known.has(issue.name[0]),
    )
    .map((issue) => ({ name: issue.name, errors: [issue.message] }));
  form.setFields(fields);
  return fields.length > 0;
}
