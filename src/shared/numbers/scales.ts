/**
 * How numbers are stored (DOMAIN.md §3). Every stored amount, price, rate and ratio is an integer
 * in one of these scales; the names say which.
 */

/** Money: fen (分), 2 decimals of yuan. */
export const fenScale = 2;
export type Fen = number;

/** Unit prices: millionths of a yuan, so any display precision up to 6 decimals loses nothing. */
export const priceScale = 6;
export type PriceMicros = number;

/** Unit ratios ("1 箱 = 24 袋"): millionths of a base unit per unit. */
export const ratioScale = 6;
export type RatioMicros = number;
export const baseUnitRatio: RatioMicros = 1_000_000;

/** Tax rates: basis points of a percent, 9% = 900. */
export const taxRateScale = 2;
export type TaxRateBasisPoints = number;
export const defaultTaxRate: TaxRateBasisPoints = 1300;
