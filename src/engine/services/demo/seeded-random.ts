/**
 * A small seeded generator (sfc32, seeded through splitmix32) so that the same demo scale gives the
 * same branch every time: Math.random cannot be seeded.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const next = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let warm = 0; warm < 12; warm += 1) this.float();
  }

  /** Uniform in [0, 1). */
  float(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** A count whose average is `mean` (Poisson by inversion; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let product = this.float();
    let count = 0;
    while (product > limit) {
      count += 1;
      product *= this.float();
    }
    return count;
  }

  /** An independent stream for one part of the plan, so adding to one part does not shift another. */
  fork(salt: number): SeededRandom {
    return new SeededRandom(Math.imul(this.int(0, 0x7fffffff), 31) ^ salt);
  }
}

/**
 * Picks indexes by weight in O(log n): the cumulative weights, searched by bisection. Popular goods
 * appear on most orders, the long tail now and then, as in a real distributor's sales.
 */
export class WeightedPicker {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((weight, index) => {
      sum += weight;
      this.cumulative[index] = sum;
    });
  }

  pick(random: SeededRandom): number {
    const target = random.float() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
