/**
 * The figures a bench prints: each of its timings kept by hand (vitest's own table mixes warm-up and
 * setup into nothing a person can copy), reduced to a median and written as one block a person pastes
 * into a note.
 */
export class Timings {
  private readonly samples = new Map<string, number[]>();

  /** Times `work` under `name`, and returns what it returned. */
  async time<T>(name: string, work: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await work();
    this.add(name, performance.now() - started);
    return result;
  }

  add(name: string, ms: number): void {
    const list = this.samples.get(name) ?? [];
    list.push(ms);
    this.samples.set(name, list);
  }

  /** The median of the last `count` samples of `name` (the measured iterations, after warm-up). */
  median(name: string, count = Infinity): number {
    const values = this.samples.get(name) ?? [];
    return median(count === Infinity ? values : values.slice(-count));
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const count = (value: number) => Math.round(value).toLocaleString('en');
export const perSecond = (items: number, milliseconds: number) => count((items * 1000) / milliseconds);

/** Prints the bench's summary block (stderr, so it shows whatever vitest does with stdout). */
export function printSummary(title: string, lines: readonly string[]): void {
  process.stderr.write(['', title, ...lines.map((line) => `  ${line}`), ''].join('\n') + '\n');
}
