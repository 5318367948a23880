/**
 * Text that Excel (or any spreadsheet a file passes through) could take for a formula: it begins
 * with = + - @, or a tab or carriage return that some programs strip before looking (OWASP, "CSV
 * injection"). A name like "=HYPERLINK(…)" typed into a form must reach Excel as text.
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Exported text cells are always string cells without a formula (xlsx `t="s"`), which Excel never
 * evaluates on opening; text that looks like a formula is additionally prefixed with an apostrophe,
 * as OWASP recommends, so that it stays inert when the clerk edits the cell or saves the sheet as CSV.
 * The importer strips this apostrophe again (services/import/normalize-cell.ts), so an exported
 * list imports back unchanged.
 */
export function guardFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}
