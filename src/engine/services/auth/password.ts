import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's work factors: N (CPU and memory cost, a power of two), r (block size), p (parallelism). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet, scrypt: "N=2^17 (128 MiB), r=8 (1024 bytes), p=1" as the minimum. */
export const owaspScryptCost: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const keyLength = 64;

/**
 * The memory scrypt needs (OpenSSL's own sum: the V array of 128·r·(N+2) bytes plus B of 128·r·p).
 * Node refuses anything above `maxmem`, 32 MiB by default, which OWASP's N=2^17 r=8 already exceeds.
 */
function memoryFor(cost: ScryptCost): number {
  return 128 * cost.r * (cost.N + cost.p + 2);
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: memoryFor(cost) };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash, so they can be raised later. */
function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((value) => Number.isSafeInteger(value) && value > 0)) return null;
  return { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/**
 * Hashes and checks passwords at one cost, the engine's (EngineOptions.passwordCost). Production
 * uses OWASP's; tests choose a cheap one so that hundreds of logins stay fast.
 */
export class PasswordHasher {
  /** Checked against when a name has no account, so that an unknown name costs as long as a known one. */
  private decoy: Promise<string> | null = null;

  constructor(readonly cost: ScryptCost = owaspScryptCost) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, this.cost);
    const { N, r, p } = this.cost;
    return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.cost);
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  }

  /** The same work as checking a real account's password, for a name that has none. */
  async verifyDecoy(password: string): Promise<void> {
    this.decoy ??= this.hash('decoy: no account has this password');
    await this.verify(password, await this.decoy);
  }

  /** A hash made at a lower cost than the engine's now: rehashed at the next successful login. */
  isBelowCost(stored: string): boolean {
    const parsed = parse(stored);
    if (!parsed) return false;
    const { N, r, p } = parsed.cost;
    return N < this.cost.N || r < this.cost.r || p < this.cost.p;
  }
}
