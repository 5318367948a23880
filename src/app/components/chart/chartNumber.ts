/** A figure as the engine writes it ("1,234.5" or "−3"), for a chart's axis; none is 0. */
export const chartNumber = (text: string | null | undefined): number =>
  text ? Number(text.replaceAll(',', '').replace('−', '-')) : 0;
