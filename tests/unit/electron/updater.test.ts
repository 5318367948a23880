import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpdateCheckResult, UpdateDownloadedEvent } from 'electron-updater';
import type { ApiResponse } from '../../../src/shared/api';
import {
  describeUpdateCheck,
  feedUrlFromSettings,
  UpdateChecker,
  type UpdateCheckerOptions,
  type UpdateSource,
} from '../../../electron/updater';

/** A stand-in for electron-updater's autoUpdater that records what it was asked and emits like it. */
class FakeUpdateSource implements UpdateSource {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  readonly feeds: { provider: 'generic'; url: string }[] = [];
  checks = 0;
  private readonly listeners = new Map<string, (payload: never) => void>();

  constructor(private readonly respond: () => Promise<UpdateCheckResult | null>) {}

  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  checkForUpdates(): Promise<UpdateCheckResult | null> {
    this.checks += 1;
    return this.respond();
  }
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'update-downloaded', listener: (event: UpdateDownloadedEvent) => void): this;
  on(event: string, listener: (payload: never) => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  emit(event: 'error', payload: Error): void;
  emit(event: 'update-downloaded', payload: UpdateDownloadedEvent): void;
  emit(event: string, payload: unknown): void {
    const listener = this.listeners.get(event) as ((payload: unknown) => void) | undefined;
    if (listener === undefined)
      throw new Error(`unhandled '${event}' event — an EventEmitter would throw here`);
    listener(payload);
  }
}

function settings(updateFeedUrl: string): () => Promise<ApiResponse> {
  return () => Promise.resolve({ ok: true, result: { updateFeedUrl } });
}

function result(
  version: string,
  isUpdateAvailable: boolean,
  downloadPromise?: Promise<string[]>,
): UpdateCheckResult {
  const updateInfo = { version, files: [], path: '', sha512: '', releaseDate: '2026-11-20' };
  return { isUpdateAvailable, updateInfo, versionInfo: updateInfo, downloadPromise: downloadPromise ?? null };
}

function checker(source: FakeUpdateSource, overrides: Partial<UpdateCheckerOptions> = {}) {
  const log = vi.fn();
  const notifyQuietly = vi.fn();
  const updates = new UpdateChecker({
    source,
    isOnline: () => true,
    readSettings: settings('https://updates.branch.example.cn/ledger'),
    notifyQuietly,
    log,
    ...overrides,
  });
  return { updates, log, notifyQuietly };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('checking for updates', () => {
  it('does not check when the branch has set no update address', async () => {
    const source = new FakeUpdateSource(() => Promise.resolve(result('0.2.0', true)));
    const { updates } = checker(source, { readSettings: settings('') });
    await expect(updates.check()).resolves.toEqual({ kind: 'no-feed' });
    expect(source.checks).toBe(0);
    expect(source.feeds).toEqual([]);
  });

  it('does not check, nor even read the settings, while offline', async () => {
    const source = new FakeUpdateSource(() => Promise.resolve(result('0.2.0', true)));
    const readSettings = vi.fn(settings('https://updates.branch.example.cn/ledger'));
    const { updates } = checker(source, { isOnline: () => false, readSettings });
    await expect(updates.check()).resolves.toEqual({ kind: 'offline' });
    expect(source.checks).toBe(0);
    expect(readSettings).not.toHaveBeenCalled();
  });

  it('asks the generic feed from the settings, downloading automatically and installing on quit', async () => {
    const source = new FakeUpdateSource(() => Promise.resolve(result('0.1.0', false)));
    const { updates } = checker(source);
    expect(source.autoDownload).toBe(true);
    expect(source.autoInstallOnAppQuit).toBe(true);
    await expect(updates.check()).resolves.toEqual({ kind: 'up-to-date', version: '0.1.0' });
    await updates.check();
    expect(source.feeds).toEqual([{ provider: 'generic', url: 'https://updates.branch.example.cn/ledger' }]);
    expect(source.checks).toBe(2);
  });

  it('follows a changed address on the next check', async () => {
    const source = new FakeUpdateSource(() => Promise.resolve(result('0.1.0', false)));
    let url = 'https://old.example.cn/ledger';
    const { updates } = checker(source, { readSettings: () => settings(url)() });
    await updates.check();
    url = 'https://new.example.cn/ledger';
    await updates.check();
    expect(source.feeds.map((feed) => feed.url)).toEqual([
      'https://old.example.cn/ledger',
      'https://new.example.cn/ledger',
    ]);
  });

  it('catches an error thrown by the check and reports it instead of rejecting', async () => {
    const source = new FakeUpdateSource(() => Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED')));
    const { updates, log } = checker(source);
    const outcome = await updates.check();
    expect(outcome).toEqual({ kind: 'failed', reason: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(describeUpdateCheck(outcome)).toContain('检查更新失败：net::ERR_NAME_NOT_RESOLVED');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ERR_NAME_NOT_RESOLVED'));
  });

  it('catches a settings read the engine refused', async () => {
    const source = new FakeUpdateSource(() => Promise.resolve(result('0.2.0', true)));
    const refused: ApiResponse = { ok: false, error: { code: 'INTERNAL', message: '数据引擎意外退出' } };
    const { updates } = checker(source, { readSettings: () => Promise.resolve(refused) });
    await expect(updates.check()).resolves.toEqual({
      kind: 'failed',
      reason: '读取更新设置失败：数据引擎意外退出',
    });
    expect(source.checks).toBe(0);
  });

  it('survives a download that fails after the check, and the updater’s own error events', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const download = Promise.reject(new Error('sha512 checksum mismatch'));
      const source = new FakeUpdateSource(() => Promise.resolve(result('0.2.0', true, download)));
      const { updates, log } = checker(source);
      await expect(updates.check()).resolves.toEqual({ kind: 'downloading', version: '0.2.0' });
      source.emit('error', new Error('sha512 checksum mismatch'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
      expect(log).toHaveBeenCalledWith('自动更新出错：sha512 checksum mismatch');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('tells the clerk quietly when a new version is ready to install', () => {
    const source = new FakeUpdateSource(() => Promise.resolve(null));
    const { notifyQuietly } = checker(source);
    source.emit('update-downloaded', {
      ...result('0.2.0', true).updateInfo,
      downloadedFile: '/tmp/setup.exe',
    });
    expect(notifyQuietly).toHaveBeenCalledWith('新版本 0.2.0 已下载，退出程序时自动安装');
  });

  it('joins a check already running instead of starting a second one', async () => {
    let finish: (value: UpdateCheckResult) => void = () => {};
    const source = new FakeUpdateSource(() => new Promise((resolve) => (finish = resolve)));
    const { updates } = checker(source);
    const first = updates.check();
    const second = updates.check();
    await vi.waitFor(() => expect(source.checks).toBe(1));
    finish(result('0.1.0', false));
    expect(await first).toEqual(await second);
    expect(source.checks).toBe(1);
  });

  it('reports a build that is not installed (electron-updater answers null) as such', async () => {
    const source = new FakeUpdateSource(() => Promise.resolve(null));
    const { updates } = checker(source);
    const outcome = await updates.check();
    expect(outcome).toEqual({ kind: 'not-installed' });
    expect(describeUpdateCheck(outcome)).toBe('当前运行的不是安装版，不检查更新。');
  });

  it('checks shortly after start and then every six hours', async () => {
    vi.useFakeTimers();
    const source = new FakeUpdateSource(() => Promise.resolve(result('0.1.0', false)));
    const { updates } = checker(source, { firstCheckDelayMs: 30_000 });
    updates.start();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(source.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(source.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(6 * 60 * 60 * 1000);
    expect(source.checks).toBe(2);
    updates.stop();
    await vi.advanceTimersByTimeAsync(12 * 60 * 60 * 1000);
    expect(source.checks).toBe(2);
  });
});

describe('the update feed address in the settings', () => {
  it('is read trimmed, and a malformed answer is explained rather than thrown', () => {
    expect(feedUrlFromSettings({ ok: true, result: { updateFeedUrl: ' https://u.example.cn/ ' } })).toEqual({
      url: 'https://u.example.cn/',
    });
    expect(feedUrlFromSettings({ ok: true, result: null })).toEqual({
      problem: '读取更新设置失败：设置中没有有效的更新地址。',
    });
  });
});
