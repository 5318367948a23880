import { LedgerError } from '../../../shared/ledger-error';
import type { UploadSettings } from '../../domain/upload/upload-settings';
import { prepared } from '../../db/prepared';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import type { EngineEnv } from '../system/engine-env';
import { readUploadSecrets, storeUploadSecrets } from './upload-secret';
import { readUploadSettings, uploadSettingsKey } from './upload-settings';
import { writeProgress } from './upload-progress';

/** The settings as the page shows them: the client key and the secret only as whether they are set. */
export type UploadSettingsView = UploadSettings & {
  clientKeySet: boolean;
  secretSet: boolean;
};

export function uploadSettingsView(ctx: ServiceContext, env: EngineEnv): UploadSettingsView {
  const rest = readUploadSettings(ctx.db.$client);
  const { secret, clientKey } = readUploadSecrets(env.uploadVault, env.uploadSecretFile);
  return {
    ...rest,
    clientKeySet: clientKey !== null,
    secretSet: secret !== null,
  };
}

/**
 * Saves the upload settings (administrator only); `secret` sets (or with null removes) head office's
 * secret in its vault. Audited by which settings changed, never their secret values. A change clears
 * a refusal that was waiting for the person, so the next run tries with what they set.
 */
export function updateUploadSettings(
  ctx: ServiceContext,
  env: EngineEnv,
  change: Partial<UploadSettings> & {
    secret?: string | null | undefined;
    clientKey?: string | null | undefined;
  },
): UploadSettingsView {
  const { secret, clientKey, ...settingsChange } = change;
  if (settingsChange.headOfficeUrl && !settingsChange.headOfficeUrl.startsWith('https://')) {
    throw new LedgerError('VALIDATION', '总部地址必须以 https:// 开头：上传只走加密连接。');
  }
  const sqlite = ctx.db.$client;
  ctx.db.transaction((tx) => {
    const before = readUploadSettings(sqlite);
    const next = {
      ...before,
      ...Object.fromEntries(Object.entries(settingsChange).filter(([, v]) => v !== undefined)),
    };
    const now = ctx.clock.now().toISOString();
    prepared(
      sqlite,
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ).run(uploadSettingsKey, JSON.stringify(next), now);
    const changed = Object.keys(settingsChange).filter(
      (key) =>
        JSON.stringify(before[key as keyof UploadSettings]) !==
        JSON.stringify(next[key as keyof UploadSettings]),
    );
    if (secret !== undefined) changed.push('secret');
    if (clientKey !== undefined) changed.push('clientKey');
    writeProgress(sqlite, { blocked: false, nextAttemptAt: null, failuresInRow: 0 }, now);
    recordAudit(tx, ctx, {
      action: 'upload.settings',
      entity: 'settings',
      entityKey: uploadSettingsKey,
      detail: `修改上传设置：${changed.join('、') || '无变化'}`,
    });
    // The sealed secret is written last: if it fails, the transaction (and its audit entry) rolls back.
    if (secret !== undefined || clientKey !== undefined) {
      storeUploadSecrets(env.uploadVault, env.uploadSecretFile, { secret, clientKey });
    }
  });
  return uploadSettingsView(ctx, env);
}
