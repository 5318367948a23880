import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/client';

/** The engine names list rows by their index as text ('units', '0', 'ratio'); the form by number. */
function toNamePath(path: string[]): (string | number)[] {
  return path.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

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
    .map((issue) => ({ name: toNamePath(issue.name), errors: [issue.message] }));
  form.setFields(fields);
  // A path the form has no input for (a whole unit row, say) shows nowhere: it does not count.
  const shown = new Set(
    form
      .getFieldsError()
      .filter((field) => field.errors.length > 0)
      .map((field) => field.name.join('.')),
  );
  return fields.some((field) => shown.has(field.name.join('.')));
}
