/** What the clerk chose in the wizard (and on the command line). */
export interface ImportOptions {
  /** A record whose code already exists: overwrite it with the file's values, or leave it alone. */
  existing: 'update' | 'skip';
  /** Commit the valid rows and leave the others, instead of all-or-nothing. */
  validOnly: boolean;
  /** Create what rows refer to but does not exist yet (goods categories, offices, salespeople). */
  createMissing: boolean;
}

export const defaultImportOptions: ImportOptions = {
  existing: 'update',
  validOnly: false,
  createMissing: true,
};
