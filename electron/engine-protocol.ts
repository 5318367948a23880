import type { ApiRequest, ApiResponse } from '../src/shared/api';
import type { ApiError } from '../src/shared/errors';

/**
 * Messages between the main process and the engine's utilityProcess. Main numbers each call so that
 * answers, which may come back in any order, reach the caller that asked.
 */
export type MainToEngineMessage =
  /** `asHost` is set only by main for its own needs (the update feed URL), never for a renderer's call. */
  | { type: 'call'; id: number; request: ApiRequest; asHost: boolean }
  /** Close the database cleanly and exit: the app is quitting. */
  | { type: 'shutdown' };

export type EngineToMainMessage =
  | { type: 'answer'; id: number; response: ApiResponse }
  /** The engine could not open the database (newer schema, not a ledger file …); main tells the clerk. */
  | { type: 'fatal'; error: ApiError };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isApiError(value: unknown): value is ApiError {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

function isApiResponse(value: unknown): value is ApiResponse {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'result' in value;
  return value.ok === false && isApiError(value.error);
}

function isApiRequest(value: unknown): value is ApiRequest {
  return (
    isRecord(value) &&
    typeof value.method === 'string' &&
    (value.session === undefined || value.session === null || typeof value.session === 'string')
  );
}

export function isMainToEngineMessage(value: unknown): value is MainToEngineMessage {
  if (!isRecord(value)) return false;
  if (value.type === 'shutdown') return true;
  return (
    value.type === 'call' &&
    Number.isInteger(value.id) &&
    typeof value.asHost === 'boolean' &&
    isApiRequest(value.request)
  );
}

export function isEngineToMainMessage(value: unknown): value is EngineToMainMessage {
  if (!isRecord(value)) return false;
  if (value.type === 'fatal') return isApiError(value.error);
  return value.type === 'answer' && Number.isInteger(value.id) && isApiResponse(value.response);
}
