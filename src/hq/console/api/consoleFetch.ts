import { zh } from '../text/zh-CN';

/** A refusal of the console's API, with head office's message (already Chinese). */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GET of a console API path with the tab's token; a refusal throws with head office's words. */
export async function consoleFetch<T>(
  token: string,
  path: string,
  params: Record<string, string | undefined> = {},
): Promise<T> {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  let response: Response;
  try {
    response = await fetch(query ? `${path}?${query}` : path, {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    throw new ConsoleApiError(0, zh.errors.unreachable);
  }
  const body = (await response.json()) as T | { message?: string };
  if (!response.ok) {
    throw new ConsoleApiError(response.status, (body as { message?: string }).message ?? response.statusText);
  }
  return body as T;
}
