/** A line of text: words on one baseline, ordered along it, with the text they read as. */
import type { Box } from "./box.ts";
import type { Word } from "./word.ts";

export interface Line {
  /** In visual order along the baseline (left to right for horizontal text, whatever the script). */
  readonly words: readonly Word[];
  /**
   * In reading order: right-to-left lines read their words from the right, numbers and Latin words in
   * them left to right (bidi.ts).
   */
  readonly text: string;
  readonly box: Box;
  /** Baseline direction in degrees, as on Word (0 = horizontal). */
  readonly angle: number;
  /** Position of the baseline across the reading direction; for horizontal lines the baseline y in points. */
  readonly baseline: number;
  /** "rtl" when most characters are right-to-left: such lines start at their right edge. */
  readonly direction: "ltr" | "rtl";
  /** The size most characters of the line are set in, in points (a superscript does not change it). */
  readonly fontSize: number;
}
