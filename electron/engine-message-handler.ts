import type { ApiResponse } from '../src/shared/api';
import type { ApiError } from '../src/shared/errors';
import { hostActor, LedgerError, type Engine } from '../src/engine';
import { type EngineToMainMessage, isMainToEngineMessage } from './engine-protocol';

/** The part of the engine the message handler drives; a stand-in in tests. */
export type CallableEngine = Pick<Engine, 'call' | 'callAs'>;

export interface EngineMessageHandlerOptions {
  engine: CallableEngine;
  post(message: EngineToMainMessage): void;
  shutdown(): void;
  log?(text: string): void;
}

function internalError(message: string): ApiResponse {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

async function answer(engine: CallableEngine, request: { method: string; input: unknown }, asHost: boolean) {
  try {
    // The host's own calls run as the trusted host actor; everything else is authenticated by its
    // session inside the engine, exactly as in web mode. The window is the one source there is, so
    // login throttling counts every attempt made at this computer together.
    return asHost
      ? await engine.callAs(hostActor, request.method, request.input)
      : await engine.call(request, { source: 'desktop' });
  } catch (error) {
    // The engine answers its own failures as ApiResponses; reaching here is a bug, and the caller
    // must still get an answer or its window would wait forever.
    return internalError(`数据引擎内部错误：${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Turns each message from main into one answer carrying the same id. Calls are not serialised here:
 * better-sqlite3 is synchronous, so the engine already runs one statement at a time.
 */
export function createEngineMessageHandler(
  options: EngineMessageHandlerOptions,
): (message: unknown) => Promise<void> {
  const log = options.log ?? ((text: string) => console.error(text));
  return async (message) => {
    if (!isMainToEngineMessage(message)) {
      log(`数据引擎收到无法识别的消息，已忽略：${JSON.stringify(message)}`);
      return;
    }
    if (message.type === 'shutdown') {
      options.shutdown();
      return;
    }
    const response = await answer(options.engine, message.request, message.asHost);
    options.post({ type: 'answer', id: message.id, response });
  };
}

/** What main shows the clerk when the database cannot be opened. */
export function describeStartupFailure(error: unknown): ApiError {
  if (error instanceof LedgerError) return error.toApiError();
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `数据引擎无法启动：${reason}` };
}

/**
 * Stands in for an engine that failed to open, so calls still in flight get the same explanation
 * instead of silence while main shows the error and quits.
 */
export function unavailableEngine(error: ApiError): CallableEngine {
  const refusal: ApiResponse = { ok: false, error };
  return {
    call: () => Promise.resolve(refusal),
    callAs: () => Promise.resolve(refusal),
  };
}
