/**
 * Narrow gutters vouched for by both cell edges. Two columns set tight (a right-aligned "Disc.%" column
 * beside a left-aligned "Taxes" one) may leave less than a word space between them in every row, so no
 * row parts widely there (see aligned-gutters.ts for gutters where most rows do). They are still two
 * columns when every row with text on both sides ends its left cell at the same x and starts its right
 * cell at the same x, and the first split row, the header, is one of them: a label on each side,
 * aligned like the values below. A word space inside one column lines up on both sides only by chance:
 * a number and its unit in a right-aligned column ("1.00 kg", "15.00 g") start the unit at varying x;
 * in a left-aligned one ("15 Days", "30 Days") the header does not break where the values do (and a
 * currency sign before an amount, "€ 717,97", has no header of its own). Distances in points.
 */
import type { Box } from "../document/box.ts";
import type { Span } from "./aligned-gutters.ts";
import { median } from "./median.ts";
import { isNumeric } from "./table-header.ts";
import { SEGMENT_GAP_EMS } from "./text-rows.ts";

/** Both edges line up within this many ems of their median in every tight row. */
const EDGE_TOLERANCE_EMS = 0.1;
/** Rows (header included) that must part tight at the gutter. */
const MIN_TIGHT_ROWS = 3;

export interface PlacedText {
  readonly box: Box;
  readonly text: string;
}

/** A row's words next to the gutter, one on each side. */
interface Sides {
  readonly before: PlacedText;
  readonly after: PlacedText;
}

/**
 * Whether `gutter` (narrower than a word gutter) is a column boundary by its two aligned edges: `rows`
 * are the split rows of a run, top to bottom. The first is the header and must hold a label tight on
 * each side; of the others, rows whose words cross the gutter's middle or that have text on one side
 * only are ignored, and rows with a column gap there (an empty cell beside) count for nothing.
 */
export function edgeAlignedGutter(
  rows: readonly (readonly PlacedText[])[],
  gutter: Span,
  em: number,
): boolean {
  // The sweep lets a few rows cut into a gutter: sides are taken at its middle.
  const middle = (gutter.left + gutter.right) / 2;
  const sides = rows.map((words) => sidesOf(words, middle));
  const header = sides[0];
  if (header === undefined || !isLabel(header.before.text) || !isLabel(header.after.text)) return false;
  const tight = sides.filter(
    (side): side is Sides =>
      side !== undefined && side.after.box.left - side.before.box.right < SEGMENT_GAP_EMS * em,
  );
  if (tight[0] !== header || tight.length < MIN_TIGHT_ROWS) return false;
  const end = median(tight.map((side) => side.before.box.right));
  const start = median(tight.map((side) => side.after.box.left));
  const tolerance = EDGE_TOLERANCE_EMS * em;
  return tight.every(
    (side) =>
      Math.abs(side.before.box.right - end) <= tolerance &&
      Math.abs(side.after.box.left - start) <= tolerance,
  );
}

/** The words either side of `x` next to it, when no word crosses it and both sides hold text. */
function sidesOf(words: readonly PlacedText[], x: number): Sides | undefined {
  if (words.some((word) => word.box.left < x && word.box.right > x)) return undefined;
  const before = words.filter((word) => word.box.right <= x);
  const after = words.filter((word) => word.box.left >= x);
  if (before.length === 0 || after.length === 0) return undefined;
  return {
    before: before.reduce((a, b) => (b.box.right > a.box.right ? b : a)),
    after: after.reduce((a, b) => (b.box.left < a.box.left ? b : a)),
  };
}

function isLabel(text: string): boolean {
  return /\p{L}/u.test(text) && !isNumeric(text);
}
