import type { ParseKeys } from 'i18next';

/** A key of the message catalogue, checked by the typecheck: configs name labels by key, never by text. */
export type MessageKey = ParseKeys<'translation'>;
