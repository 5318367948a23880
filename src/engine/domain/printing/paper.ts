// The papers themselves are shared with the renderer (its print settings name them with their sizes).
export { paperNames, paperOf, type Paper, type PaperName } from '../../../shared/printing-paper';

/** PDF user space is in points (1/72 in): a page size in points, from millimetres. */
export function mmToPoints(mm: number): number {
  return (mm * 72) / 25.4;
}

/** The blank edges of a page, in millimetres. */
export interface Margins {
  topMm: number;
  rightMm: number;
  bottomMm: number;
  leftMm: number;
}
