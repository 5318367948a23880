import { settings } from '../../db/schema';
import { defaultAppSettings, type AppSettings } from '../../domain/settings/app-settings';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { writeSetting } from './setting-row';

export function getAppSettings(ctx: ServiceContext): AppSettings {
  // Only the keys of AppSettings: other areas keep their own rows here (the upload's, with its client key).
  const stored = Object.fromEntries(
    ctx.db
      .select()
      .from(settings)
      .all()
      .filter((row) => Object.hasOwn(defaultAppSettings, row.key))
      .map((row) => [row.key, row.value]),
  );
  return { ...defaultAppSettings, ...(stored as Partial<AppSettings>) };
}

export function updateAppSettings(ctx: ServiceContext, change: Partial<AppSettings>): AppSettings {
  return ctx.db.transaction((tx) => {
    const before = getAppSettings(ctx);
    const now = ctx.clock.now().toISOString();
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined || before[key as keyof AppSettings] === value) continue;
      writeSetting(tx, key, value, now);
      recordAudit(tx, ctx, {
        action: 'settings.update',
        entity: 'settings',
        entityKey: key,
        before: before[key as keyof AppSettings],
        after: value,
      });
    }
    return { ...before, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
  });
}
