import type { Refusal } from '../shared/upload/wire';

/**
 * A refusal head office answers with: the HTTP status and the `Refusal` body of wire.ts. Thrown by the
 * checks, caught once by the server (and by `import`), so every check says its refusal where it decides.
 */
export class HqRefusal extends Error {
  constructor(
    readonly status: number,
    readonly refusal: Refusal,
    /** Headers the answer carries besides the body, e.g. `Retry-After` on 503. */
    readonly headers: Record<string, string> = {},
  ) {
    super(refusal.message);
    this.name = 'HqRefusal';
  }
}

export function malformed(message: string): HqRefusal {
  return new HqRefusal(400, { error: 'malformed', message });
}
