import type { PeriodKind } from '../../../shared/upload/package-format';

/** When the upload loop sends on its own (UPLOAD.md; 立即上传 sends at any time). */
export const uploadScheduleKinds = ['hourly', 'daily', 'weekly', 'monthly'] as const;
export type UploadScheduleKind = (typeof uploadScheduleKinds)[number];

/**
 * The branch's upload settings (administrator only). The HMAC secret and the client certificate's key
 * are not here: they are sealed apart from the ledger (upload-secret.ts), so no backup, export or audit
 * entry holds them.
 */
export interface UploadSettings {
  /** https://… of head office's receiver; empty: uploads are only built (and can be exported to a file). */
  headOfficeUrl: string;
  /** base64 sha256 of head office's SubjectPublicKeyInfo: the connection is refused unless one matches. */
  pinnedSpki: string[];
  /** PEM of head office's CA, when it is not a public one (a self-signed receiver's own certificate). */
  caCertificate: string;
  /** PEM certificate for mutual TLS, when head office asks for one; its key is kept in the vault with the secret. */
  clientCertificate: string;
  schedule: UploadScheduleKind;
  /** HH:mm: the daily, weekly and monthly upload's time of day. */
  scheduleTime: string;
  /** 1 = Monday … 7 = Sunday, for the weekly upload. */
  scheduleWeekday: number;
  /** The periods figures are uploaded by. */
  periodKind: PeriodKind;
  /** Also send completed documents with their lines. */
  sendDocuments: boolean;
  /** Days an acknowledged package is kept, to re-feed a head office restored from an older backup. */
  keepAckedDays: number;
}

export const defaultUploadSettings: UploadSettings = {
  headOfficeUrl: '',
  pinnedSpki: [],
  caCertificate: '',
  clientCertificate: '',
  schedule: 'daily',
  scheduleTime: '22:00',
  scheduleWeekday: 1,
  periodKind: 'month',
  sendDocuments: false,
  keepAckedDays: 90,
};
