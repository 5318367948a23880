/**
 * How big a demo branch is. `small` is what tests and screenshots use and runs in seconds; `large` is
 * two years of a busy branch, about a million stock movements, for measuring reports and posting.
 */
export const demoScaleNames = ['small', 'large'] as const;
export type DemoScaleName = (typeof demoScaleNames)[number];

export interface DemoScale {
  readonly name: DemoScaleName;
  /** The PRNG seed: the same scale (and end date) always gives the same branch. */
  readonly seed: number;
  /** Calendar days of business, ending on the end date. */
  readonly days: number;
  readonly goods: number;
  /** The first is the main warehouse (总仓) purchases arrive at; the others are stocked by transfers. */
  readonly warehouses: number;
  readonly offices: number;
  readonly customers: number;
  /** Sales deliveries per warehouse on an ordinary weekday (Poisson mean). */
  readonly deliveriesPerWarehouseDay: number;
  /** Lines on a delivery, for the smallest and the largest customers. */
  readonly deliveryLines: readonly [number, number];
  /** Share of the goods a satellite warehouse carries (the popular ones); the main one carries all. */
  readonly satelliteAssortment: number;
  /** Sales returns per warehouse per day (mean). */
  readonly returnsPerWarehouseDay: number;
}

export const demoScales: Readonly<Record<DemoScaleName, DemoScale>> = {
  small: {
    name: 'small',
    seed: 20_260_301,
    days: 92,
    goods: 50,
    warehouses: 2,
    offices: 2,
    customers: 24,
    deliveriesPerWarehouseDay: 2.2,
    deliveryLines: [2, 12],
    satelliteAssortment: 0.7,
    returnsPerWarehouseDay: 0.08,
  },
  large: {
    name: 'large',
    seed: 20_260_302,
    days: 730,
    goods: 5000,
    warehouses: 5,
    offices: 6,
    customers: 320,
    deliveriesPerWarehouseDay: 3,
    deliveryLines: [12, 90],
    satelliteAssortment: 0.3,
    returnsPerWarehouseDay: 0.4,
  },
};
