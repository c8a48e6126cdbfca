/**
 * Text runs drawn in part under another run. Some producers draw a line's text twice at the same place,
 * once with only some of its glyphs ("S", "ifi", "th t th" under "Specifies that the", a callout label
 * redrawn over a failed first pass). Text never legitimately overlaps other text of its size on its
 * baseline, so a run that lies within a longer run there and whose words are all pieces of that run's
 * text is an overprint: it is dropped, and the whole run kept. Exact repeats (fake bold) are dropped later
 * by the line builder, which marks the kept word bold; these partial ones would otherwise read as garbage
 * between the real words ("Specifiesifi ththatt"). Runs are compared as pdf.js gives them, whose extent
 * along the baseline is exact (word positions inside a run are only estimated by character count).
 */
import { type Box, unionBoxes } from "../document/box.ts";
import type { Word } from "../document/word.ts";
import type { RunExtent } from "./text-run-words.ts";

/** One pdf.js text run: its text, the words made from it and, when upright left to right, its extent. */
export interface RunWords {
  readonly text: string;
  readonly words: readonly Word[];
  readonly extent?: RunExtent;
}

/** Top, bottom and font size may differ by this share of the em on one baseline in one size. */
const SAME_LINE_EMS = 0.15;
/** A piece may reach this share of the em beyond the run it lies in (rounding of glyph advances). */
const REACH_EMS = 0.1;
/** Points per bucket of the baseline index. */
const BUCKET = 2;

interface Placed {
  readonly run: RunWords;
  readonly box: Box;
  readonly fontSize: number;
  readonly characters: number;
}

/** The words of the runs, in order, without the runs that are partial overprints of another. */
export function withoutPartialOverprints(runs: readonly RunWords[]): Word[] {
  const placed: Placed[] = [];
  for (const run of runs) {
    const first = run.words[0];
    // Horizontal text only: the comparison below reads boxes left to right along the baseline.
    if (first === undefined || run.words.some((word) => Math.abs(word.angle) > 1)) continue;
    const box = unionBoxes(run.words.map((word) => word.box))!;
    const characters = run.words.reduce((sum, word) => sum + word.text.length, 0);
    placed.push({ run, box, fontSize: first.fontSize, characters });
  }
  const buckets = new Map<number, Placed[]>();
  for (const entry of placed) {
    const key = Math.round(entry.box.bottom / BUCKET);
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [entry]);
    else bucket.push(entry);
  }
  const dropped = new Set<RunWords>();
  for (const entry of placed) {
    const key = Math.round(entry.box.bottom / BUCKET);
    search: for (let offset = -1; offset <= 1; offset++)
      for (const other of buckets.get(key + offset) ?? [])
        if (isPieceOf(entry, other)) {
          dropped.add(entry.run);
          break search;
        }
  }
  return runs.flatMap((run) => (dropped.has(run) ? [] : run.words));
}

function isPieceOf(piece: Placed, whole: Placed): boolean {
  if (piece.characters >= whole.characters) return false;
  const em = whole.fontSize;
  if (Math.abs(piece.fontSize - em) > SAME_LINE_EMS * em) return false;
  const a = piece.box;
  const b = whole.box;
  if (Math.abs(a.top - b.top) > SAME_LINE_EMS * em || Math.abs(a.bottom - b.bottom) > SAME_LINE_EMS * em)
    return false;
  const reach = REACH_EMS * em;
  if (a.left < b.left - reach || a.right > b.right + reach) return false;
  return piece.run.words.every((word) => whole.run.text.includes(word.text));
}
