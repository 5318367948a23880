/**
 * The paper a printable is laid out on, in millimetres: what the PDF's page size is, exactly, so that
 * the preview and the printer get the same pages. Continuous 三联 forms are 241 mm wide (9½ in between
 * the pin-feed strips) in the three heights offices buy them in: a third of 11 in (93 mm), a half
 * (140 mm) and the whole 11 in (279.4 mm).
 */
export interface Paper {
  name: PaperName;
  widthMm: number;
  heightMm: number;
  /** Pin-feed continuous stationery: the driver needs a custom form of exactly this size. */
  continuous: boolean;
}

export const paperNames = [
  'a4-portrait',
  'a4-landscape',
  'a5-portrait',
  'a5-landscape',
  'triplicate-241x93',
  'triplicate-241x140',
  'triplicate-241x279',
] as const;
export type PaperName = (typeof paperNames)[number];

const papers: Record<PaperName, Omit<Paper, 'name'>> = {
  'a4-portrait': { widthMm: 210, heightMm: 297, continuous: false },
  'a4-landscape': { widthMm: 297, heightMm: 210, continuous: false },
  'a5-portrait': { widthMm: 148, heightMm: 210, continuous: false },
  'a5-landscape': { widthMm: 210, heightMm: 148, continuous: false },
  'triplicate-241x93': { widthMm: 241, heightMm: 93, continuous: true },
  'triplicate-241x140': { widthMm: 241, heightMm: 140, continuous: true },
  'triplicate-241x279': { widthMm: 241, heightMm: 279.4, continuous: true },
};

export function paperOf(name: PaperName): Paper {
  return { name, ...papers[name] };
}
