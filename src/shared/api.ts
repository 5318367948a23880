import type { z } from 'zod';
import type { Router } from '../engine/api/router';
import type { ApiError } from './errors';

/** The API's type, derived from the router map (anchor: Actual's `send<K extends keyof Handlers>`). */
export type Api = Router;
export type ApiMethod = keyof Api;
export type ApiInput<M extends ApiMethod> = z.input<Api[M]['input']>;
export type ApiOutput<M extends ApiMethod> = Awaited<ReturnType<Api[M]['handler']>>;

/** What every transport carries: the method, its input, and the signed-in session if any. */
export interface ApiRequest {
  method: string;
  input: unknown;
  session?: string | null;
}

export type ApiResponse = { ok: true; result: unknown } | { ok: false; error: ApiError };
