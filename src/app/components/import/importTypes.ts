import type { ApiInput, ApiOutput } from '../../../shared/api';

export type ImportEntity = ApiInput<'import.preview'>['entity'];
export type ImportPreview = ApiOutput<'import.preview'>;
export type ImportPreviewRow = ImportPreview['rows'][number];
export type ImportOutcome = ApiOutput<'import.commit'>;
/** Field → the file's column (0-based), or null: not imported. */
export type ColumnMapping = ImportPreview['mapping'];

/** What the clerk chooses before the preview: existing records, and references that do not exist yet. */
export interface ImportChoices {
  existing: 'update' | 'skip';
  createMissing: boolean;
}

export interface ChosenFile {
  name: string;
  contentBase64: string;
}

/** A field a column can be mapped to, as the engine names it. */
export interface ImportField {
  key: string;
  label: string;
  required: boolean;
}
