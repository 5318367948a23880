import { printDateFormats, type PrintDateFormat } from '../../domain/printing/print-date';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings/setting-row';

/**
 * How the branch's prints look wherever a template does not say: the date format and the branch's logo
 * at the left of every title. Kept in the settings table under a key of its own (not in the branch
 * profile head office receives: a picture has no business in the upload).
 */
export interface PrintAppearance {
  dateFormat: PrintDateFormat;
  /** PNG or JPEG, as base64; null: no logo. */
  logoBase64: string | null;
}

const key = 'printAppearance';
const defaults: PrintAppearance = { dateFormat: 'yyyy-MM-dd', logoBase64: null };

/** The most a logo may weigh: a small picture, printed 7 mm high. */
export const logoLimitBytes = 256 * 1024;

export function printAppearance(ctx: ServiceContext): PrintAppearance {
  return { ...defaults, ...(readSetting(ctx.db, key) as Partial<PrintAppearance> | undefined) };
}

/** The logo's bytes, checked: a PNG or a JPEG, as its first bytes say, and small. */
export function logoBytes(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) throw new LedgerError('VALIDATION', '机构标志应为 PNG 或 JPEG 图片。');
  if (bytes.length > logoLimitBytes) {
    throw new LedgerError(
      'VALIDATION',
      `机构标志图片过大（${Math.ceil(bytes.length / 1024)} KB），请用 ${logoLimitBytes / 1024} KB 以内的图片。`,
    );
  }
  return bytes;
}

export function updatePrintAppearance(
  ctx: ServiceContext,
  change: Partial<PrintAppearance>,
): PrintAppearance {
  if (change.dateFormat !== undefined && !printDateFormats.includes(change.dateFormat)) {
    throw new LedgerError('VALIDATION', `日期格式应为 ${printDateFormats.join(' / ')} 之一。`);
  }
  if (change.logoBase64) logoBytes(change.logoBase64);
  return ctx.db.transaction((tx) => {
    const before = printAppearance(ctx);
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
    };
    const now = ctx.clock.now().toISOString();
    writeSetting(tx, key, after, now);
    recordAudit(tx, ctx, {
      action: 'printTemplates.appearance',
      entity: 'settings',
      entityKey: key,
      // The picture itself is not copied into the audit log: whether there is one.
      before: { dateFormat: before.dateFormat, logo: before.logoBase64 ? '已设置' : '无' },
      after: { dateFormat: after.dateFormat, logo: after.logoBase64 ? '已设置' : '无' },
    });
    return after;
  });
}
