import type { ComponentType } from 'react';
import type { ApiMethod } from '../../../shared/api';
import type { LedgerClient } from '../../api/client';
import type { MessageKey } from '../../i18n/messageKey';
import type { OptionSource, SelectOption } from '../list/entityListConfig';

interface FieldBase<Values> {
  /** The form value's name; also the last part of the engine's issue path for it. */
  name: keyof Values & string;
  label: MessageKey;
  /** Of 24: two fields to a row unless said otherwise. */
  span?: 8 | 12 | 16 | 24;
  required?: boolean;
  extra?: MessageKey;
  /** Only editable while another field has a value that allows it (shelf life needs lot tracking). */
  enabledWhen?: { field: keyof Values & string; is: (value: unknown) => boolean };
  /** Fixed once the record exists. */
  lockedOnEdit?: boolean;
}

export type FormField<Values> =
  | (FieldBase<Values> & { kind: 'text'; maxLength: number; placeholder?: MessageKey; autoFocus?: boolean })
  | (FieldBase<Values> & { kind: 'textarea'; maxLength: number })
  /** Exact decimals travel as text ("38.40", "9"): the engine parses them, the page never does sums. */
  | (FieldBase<Values> & { kind: 'decimal'; suffix?: MessageKey; placeholder?: MessageKey })
  | (FieldBase<Values> & { kind: 'integer'; min?: number; suffix?: MessageKey; placeholder?: MessageKey })
  | (FieldBase<Values> & { kind: 'switch'; checked?: MessageKey; unchecked?: MessageKey })
  | (FieldBase<Values> & {
      kind: 'select' | 'tree';
      /** A hook, called inside the form: options may come from the API or from other fields. */
      useOptions: () => OptionSource;
      multiple?: boolean;
      /** Whether it may be emptied; by default when not required. */
      allowClear?: boolean;
      placeholder?: MessageKey;
    })
  /** A picker over a list too long to load whole (the parent customer): asks the engine as the person types. */
  | (FieldBase<Values> & {
      kind: 'search';
      search: (client: LedgerClient, term: string) => Promise<SelectOption[]>;
      /** The label of the value the record already has, which no search has brought yet. */
      labelField: keyof Values & string;
      placeholder?: MessageKey;
    })
  /** An editor of its own (the goods' units, stock lines, contacts), given the full width. */
  | { kind: 'custom'; key: string; component: ComponentType<{ mode: FormMode }> };

export type FormMode = 'create' | 'edit';

export interface FormSection<Values> {
  title?: MessageKey;
  fields: FormField<Values>[];
}

/** A record's form values and the version they were read at. */
export interface OpenedRecord<Values> {
  values: Values;
  version: number;
}

/**
 * What a save names: `{ id: null }` creates the record; an id replaces it and carries the version it
 * was opened at, so the engine refuses the save if someone else changed the record meanwhile.
 */
export interface SaveTarget {
  id: number | null;
  version?: number;
}

/**
 * One master-data form, described: how a record becomes form values and back, its sections and
 * fields, and which method saves it. EntityFormDrawer does the rest the same way for every entity.
 */
export interface EntityFormConfig<Values> {
  width: number;
  /** The record's read, whose cached answer is dropped after a save. */
  getMethod: ApiMethod;
  load(client: LedgerClient, id: number): Promise<OpenedRecord<Values>>;
  /** A new record's starting values. */
  blank(): Values;
  /** `target`: the record as it was opened (its save carries that version); null creates one. */
  save(client: LedgerClient, target: SaveTarget, values: Values): Promise<unknown>;
  /** Where the engine's issue paths for this record start: `['goods']` for `{ id, goods: {…} }`. */
  issuePrefix: string[];
  sections: FormSection<Values>[];
  /** How the title names the record being edited. */
  describe(values: Values): string;
}
