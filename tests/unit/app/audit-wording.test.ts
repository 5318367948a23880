import fs from 'node:fs';
import path from 'node:path';
import { createInstance } from 'i18next';
import { describe, expect, test } from 'vitest';
import { enUS } from '../../../src/app/i18n/en-US';
import { zhCN } from '../../../src/app/i18n/zh-CN';
import { auditActionNames, describeAuditEntry } from '../../../src/app/pages/system/auditWording';

/** The audit page in both languages, with the app's own messages: what happened, not method names and dumps. */
async function reader(language: 'zh-CN' | 'en-US') {
  const i18n = createInstance();
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: language,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i18n;
}

const row = (fields: Record<string, unknown>) =>
  ({
    id: 1,
    at: '2026-12-06T01:00:00Z',
    username: 'admin',
    entityKey: null,
    detail: null,
    after: null,
    ...fields,
  }) as never;

describe('the audit log in words', () => {
  test('a master-data write is named by its record and verb, in either language', async () => {
    for (const [language, created, disabled] of [
      ['zh-CN', '新增商品', '停用往来单位'],
      ['en-US', 'Created goods', 'Disabled counterparty'],
    ] as const) {
      const i18n = await reader(language);
      const names = auditActionNames(i18n.t, i18n);
      expect(names.get('goods.create')).toBe(created);
      expect(names.get('counterparties.disable')).toBe(disabled);
      expect(names.get('period.close')).toBe(language === 'zh-CN' ? '月结' : 'Month closed');
    }
  });

  test('every action the engine writes has words in both languages', async () => {
    // The audit actions are literals in the engine's recordAudit calls: read them from the source, so an
    // action added without words fails here.
    const engine = path.join(import.meta.dirname, '../../../src/engine');
    const actions = new Set<string>();
    for (const file of fs.readdirSync(engine, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = fs.readFileSync(path.join(engine, file), 'utf8');
      for (const match of text.matchAll(/action: '([a-zA-Z]+\.[a-z_A-Z]+)'/g)) actions.add(match[1]!);
    }
    expect(actions.size).toBeGreaterThan(30);
    for (const language of ['zh-CN', 'en-US'] as const) {
      const i18n = await reader(language);
      const names = auditActionNames(i18n.t, i18n);
      for (const action of actions) expect(names.get(action), `${language} ${action}`).toBeDefined();
    }
  });

  test('a record is its code and name, a backup its kind and size, a setting its new value', async () => {
    const zh = await reader('zh-CN');
    const en = await reader('en-US');
    const goods = row({
      action: 'goods.create',
      after: { id: 1, uid: 'x', code: 'SP00001', name: '晨光核桃奶250ml', spec: '250ml×12盒' },
    });
    expect(describeAuditEntry(zh.t, goods)).toBe('SP00001 · 晨光核桃奶250ml');
    const backup = row({
      action: 'system.backup',
      detail: '月结前自动备份，1802240 字节',
      after: { kind: 'month-close', bytes: 1_802_240, encrypted: false },
    });
    expect(describeAuditEntry(zh.t, backup)).toBe('月结前自动备份 · 1.7 MB');
    expect(describeAuditEntry(en.t, backup)).toBe('Automatic backup before a month close · 1.7 MB');
    const setting = row({ action: 'settings.update', entityKey: 'creditLimitPolicy', after: 'warn' });
    expect(describeAuditEntry(en.t, setting)).toBe('creditLimitPolicy set to warn');
    const failed = row({
      action: 'auth.login_failed',
      detail: '连续第 2 次密码错误；来源 127.0.0.1',
      after: { source: '127.0.0.1', failedAttempts: 2 },
    });
    expect(describeAuditEntry(en.t, failed)).toBe('Wrong password, 2 in a row; from 127.0.0.1');
    expect(describeAuditEntry(zh.t, failed)).toBe('连续第 2 次密码错误；来源 127.0.0.1');
    // An older entry with words only keeps them.
    expect(describeAuditEntry(en.t, row({ action: 'system.backup', detail: '524288 字节' }))).toBe(
      '524288 字节',
    );
  });
});
