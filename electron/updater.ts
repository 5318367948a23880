import type { UpdateCheckResult, UpdateDownloadedEvent } from 'electron-updater';
import type { ApiResponse } from '../src/shared/api';

/** The slice of electron-updater's `autoUpdater` used here; a stand-in in tests. */
export interface UpdateSource {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<UpdateCheckResult | null>;
  on(event: 'error', listener: (error: Error, message?: string) => void): unknown;
  on(event: 'update-downloaded', listener: (event: UpdateDownloadedEvent) => void): unknown;
}

export interface UpdateCheckerOptions {
  source: UpdateSource;
  isOnline(): boolean;
  /** `settings.get` through the engine: the feed URL is a setting of the branch, not of the build. */
  readSettings(): Promise<ApiResponse>;
  /** Something the clerk may notice but need not act on (the window title, not a dialog). */
  notifyQuietly(text: string): void;
  log(text: string): void;
  firstCheckDelayMs?: number;
  intervalMs?: number;
}

export type UpdateCheckOutcome =
  | { kind: 'no-feed' }
  | { kind: 'offline' }
  | { kind: 'not-installed' }
  | { kind: 'up-to-date'; version: string }
  | { kind: 'downloading'; version: string }
  | { kind: 'failed'; reason: string };

const defaultFirstCheckDelayMs = 30_000; // after start-up, when the clerk has the window in hand
const defaultIntervalMs = 6 * 60 * 60 * 1000;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the menu's 检查更新 tells the clerk. */
export function describeUpdateCheck(outcome: UpdateCheckOutcome): string {
  switch (outcome.kind) {
    case 'no-feed':
      return '尚未设置更新地址，不检查更新。管理员可在“设置”中填写更新地址。';
    case 'offline':
      return '电脑当前未联网，无法检查更新，联网后会自动检查。';
    case 'not-installed':
      return '当前运行的不是安装版，不检查更新。';
    case 'up-to-date':
      return `已是最新版本（${outcome.version}）。`;
    case 'downloading':
      return `发现新版本 ${outcome.version}，正在后台下载；下载完成后，退出程序时自动安装。`;
    case 'failed':
      return `检查更新失败：${outcome.reason}\n不影响使用，稍后会自动再试。`;
  }
}

/** The feed URL from a `settings.get` answer ('' means the branch wants no updates), or why not. */
export function feedUrlFromSettings(response: ApiResponse): { url: string } | { problem: string } {
  if (!response.ok) return { problem: `读取更新设置失败：${response.error.message}` };
  const settings = response.result;
  const url =
    typeof settings === 'object' && settings !== null
      ? (settings as Record<string, unknown>).updateFeedUrl
      : undefined;
  if (typeof url !== 'string') return { problem: '读取更新设置失败：设置中没有有效的更新地址。' };
  return { url: url.trim() };
}

/**
 * Looks for new versions on the branch's own update server (electron-updater, generic provider).
 * An update is a convenience: no failure here — no network, a wrong address, a broken download —
 * may ever crash or interrupt the app, so every path ends in an outcome, never a rejection.
 */
export class UpdateChecker {
  private inFlight: Promise<UpdateCheckOutcome> | null = null;
  private currentFeedUrl = '';
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly options: UpdateCheckerOptions) {
    const { source } = options;
    source.autoDownload = true;
    source.autoInstallOnAppQuit = true;
    // Without an 'error' listener an EventEmitter throws the error — that would be a crash.
    source.on('error', (error) => options.log(`自动更新出错：${reasonOf(error)}`));
    source.on('update-downloaded', (event) =>
      options.notifyQuietly(`新版本 ${event.version} 已下载，退出程序时自动安装`),
    );
  }

  /** Checks once shortly after start, then every few hours. */
  start(): void {
    const check = () => void this.check();
    this.timers.push(setTimeout(check, this.options.firstCheckDelayMs ?? defaultFirstCheckDelayMs));
    this.timers.push(setInterval(check, this.options.intervalMs ?? defaultIntervalMs));
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  /** One check; a check already running is joined rather than doubled. Never rejects. */
  check(): Promise<UpdateCheckOutcome> {
    this.inFlight ??= this.checkOnce().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async checkOnce(): Promise<UpdateCheckOutcome> {
    try {
      if (!this.options.isOnline()) return { kind: 'offline' };
      const setting = feedUrlFromSettings(await this.options.readSettings());
      if ('problem' in setting) return this.failed(setting.problem);
      const feedUrl = setting.url;
      if (feedUrl === '') return { kind: 'no-feed' };
      if (feedUrl !== this.currentFeedUrl) {
        this.options.source.setFeedURL({ provider: 'generic', url: feedUrl });
        this.currentFeedUrl = feedUrl;
      }
      const result = await this.options.source.checkForUpdates();
      if (result === null) return { kind: 'not-installed' };
      if (!result.isUpdateAvailable) return { kind: 'up-to-date', version: result.updateInfo.version };
      // The download runs on after the check; its failure is also emitted as 'error', and left
      // unobserved here it would be an unhandled rejection.
      result.downloadPromise?.catch(() => {});
      return { kind: 'downloading', version: result.updateInfo.version };
    } catch (error) {
      return this.failed(reasonOf(error));
    }
  }

  private failed(reason: string): UpdateCheckOutcome {
    this.options.log(`检查更新失败：${reason}`);
    return { kind: 'failed', reason };
  }
}
