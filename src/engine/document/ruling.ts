/**
 * Ruling lines: the horizontal and vertical strokes (and hairline fills) a page draws, which tables use
 * as cell borders. Positions are in page points with the top-left origin, like every box.
 */

export type RulingOrientation = "horizontal" | "vertical";

export interface Ruling {
  readonly orientation: RulingOrientation;
  /** Across the line: y of a horizontal ruling, x of a vertical one. */
  readonly position: number;
  /** Along the line, start ≤ end: x range of a horizontal ruling, y range of a vertical one. */
  readonly start: number;
  readonly end: number;
}
