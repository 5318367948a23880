import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { defaultUploadSettings, type UploadSettings } from '../../domain/upload/upload-settings';

/** The settings row the upload keeps its settings in (one JSON value). */
export const uploadSettingsKey = 'upload';

export function readUploadSettings(sqlite: Database.Database): UploadSettings {
  const row = prepared(sqlite, 'SELECT value FROM settings WHERE key = ?').get(uploadSettingsKey) as
    { value: string } | undefined;
  return { ...defaultUploadSettings, ...(row ? (JSON.parse(row.value) as Partial<UploadSettings>) : {}) };
}
