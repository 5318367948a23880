import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiRequest, ApiResponse } from '../src/shared/api';
import type { ApiError } from '../src/shared/errors';
import { encodeEngineConfig, engineConfigVariable, type EngineProcessConfig } from './engine-config';
import { isEngineToMainMessage, type MainToEngineMessage } from './engine-protocol';

export interface EngineRelayOptions {
  /** The built engine-process.js beside main.js. */
  entryPath: string;
  config: EngineProcessConfig;
  /** The engine could not open the database; main shows why and quits. */
  onFatal(error: ApiError): void;
  log?(text: string): void;
}

/**
 * How long a quitting app waits for the engine to close the database before it is killed: long enough for
 * the exit backup of a ledger of some years (a few seconds per hundred MB). Killed sooner, that backup would
 * be left a `.partial`, which is never mistaken for a backup, but is no backup either.
 */
export const shutdownGraceMs = 60_000;

/** What a caller hears when the engine process ended (or could not be reached) before answering. */
function engineGone(what: string): ApiResponse {
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message:
        `数据引擎意外退出（${what}），刚才的操作是否已保存无法确认。` +
        '请刷新页面查看结果后再决定是否重做；数据引擎会在下次操作时自动重启。',
    },
  };
}

const appQuitting: ApiResponse = {
  ok: false,
  error: { code: 'INTERNAL', message: '分支账簿正在退出，操作未执行。' },
};

/**
 * The main process's side of the engine: starts the engine's utilityProcess, numbers each call
 * and hands every answer to the caller that asked. The main process itself never touches SQLite.
 */
export class EngineRelay {
  private child: UtilityProcess | null = null;
  private readonly pending = new Map<number, (response: ApiResponse) => void>();
  private nextId = 1;
  private stopping: Promise<void> | null = null;
  private readonly log: (text: string) => void;

  constructor(private readonly options: EngineRelayOptions) {
    this.log = options.log ?? ((text) => console.error(text));
  }

  /** Starts the engine now, so a database that cannot be opened is reported at launch. */
  start(): void {
    this.running();
  }

  /** A renderer's call: authenticated by its session inside the engine. */
  call(request: ApiRequest): Promise<ApiResponse> {
    return this.send(request, false);
  }

  /** The main process's own call (the update feed URL), made as the trusted host actor. */
  callAsHost(method: string, input: unknown): Promise<ApiResponse> {
    return this.send({ method, input }, true);
  }

  /** Asks the engine to close the database and exit; kills it if it does not in time. Never rejects. */
  stop(): Promise<void> {
    this.stopping ??= this.stopChild();
    return this.stopping;
  }

  private async stopChild(): Promise<void> {
    const child = this.child;
    if (child === null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.log('数据引擎未在限定时间内退出，已强制结束。');
        child.kill();
        resolve();
      }, shutdownGraceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      if (!this.post(child, { type: 'shutdown' })) {
        clearTimeout(timer);
        child.kill();
        resolve();
      }
    });
  }

  private send(request: ApiRequest, asHost: boolean): Promise<ApiResponse> {
    if (this.stopping !== null) return Promise.resolve(appQuitting);
    const child = this.running();
    const id = this.nextId++;
    return new Promise<ApiResponse>((resolve) => {
      this.pending.set(id, resolve);
      if (!this.post(child, { type: 'call', id, request, asHost })) {
        this.pending.delete(id);
        resolve(engineGone('无法联系数据引擎'));
      }
    });
  }

  private post(child: UtilityProcess, message: MainToEngineMessage): boolean {
    try {
      child.postMessage(message);
      return true;
    } catch (error) {
      this.log(`无法把消息交给数据引擎：${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /** The engine process, started (again, after a crash) when it is not running. */
  private running(): UtilityProcess {
    if (this.child !== null) return this.child;
    const child = utilityProcess.fork(this.options.entryPath, [], {
      serviceName: 'Branch Ledger engine',
      env: { ...process.env, [engineConfigVariable]: encodeEngineConfig(this.options.config) },
      // The engine's own log lines appear in the terminal of `npm start`, and nowhere in the installed app.
      stdio: 'inherit',
    });
    child.on('message', (message: unknown) => this.receive(message));
    child.on('exit', (code) => this.exited(child, code));
    this.child = child;
    return child;
  }

  private receive(message: unknown): void {
    if (!isEngineToMainMessage(message)) {
      this.log(`数据引擎发来无法识别的消息，已忽略：${JSON.stringify(message)}`);
      return;
    }
    if (message.type === 'fatal') {
      this.options.onFatal(message.error);
      return;
    }
    const resolve = this.pending.get(message.id);
    if (resolve === undefined) return; // answered already as failed when the engine exited
    this.pending.delete(message.id);
    resolve(message.response);
  }

  private exited(child: UtilityProcess, code: number): void {
    if (this.child !== child) return;
    this.child = null;
    if (this.stopping === null) this.log(`数据引擎意外退出，退出码 ${code}；下次操作时重启。`);
    // Whatever was in flight will never be answered by that process: tell each caller now.
    const answer = this.stopping === null ? engineGone(`退出码 ${code}`) : appQuitting;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve(answer);
  }
}
