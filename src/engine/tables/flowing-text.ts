/**
 * Text columns that pass for a table: a wrapped list item beside a callout box set line for line at the
 * same pitch splits on every row, and its gutter lines up like a table's. What gives it away is that the
 * lines run on: row after row, a column's text carries its sentence over (no closing punctuation, the
 * next line going on in lower case). A table's cells each say something of their own, and a cell that
 * wraps has already been joined into one (stream-rows.ts).
 */
import type { Word } from "../document/word.ts";
import type { StreamRow } from "./stream-rows.ts";

/** Pairs of rows one above the other a column needs before it can be judged. */
const MIN_PAIRS = 3;
/** Share of a column's row pairs that must carry a sentence over for it to be running text. */
const MIN_RUN_ON_SHARE = 0.6;
/** Lines of running text hold a few words each (a column of "yes" and "no" is no sentence). */
const MIN_WORDS = 3;
/** A line that ends like this closes its sentence (or clause): the next one starts afresh. */
const CLOSING = /[.!?:;]["'’”)]?$/u;
/** A line that goes on a sentence starts with a lower-case letter. */
const GOING_ON = /^["'‘“(]?\p{Ll}/u;

/** How many columns of the rows read as running text, their lines carrying sentences over. */
export function runningTextColumns(rows: readonly StreamRow[], columnCount: number): number {
  let running = 0;
  for (let column = 0; column < columnCount; column++) {
    let pairs = 0;
    let runOn = 0;
    let previous: readonly Word[] | undefined;
    for (const row of rows) {
      const cell = row.cells.find(
        (candidate) => candidate.columnIndex === column && candidate.columnSpan === 1,
      );
      const words = cell === undefined ? undefined : inReadingOrder(cell.words);
      if (previous !== undefined && words !== undefined && words.length > 0) {
        // Only lines of a few words each can carry a sentence over.
        const wordy = previous.length >= MIN_WORDS && words.length >= MIN_WORDS;
        pairs++;
        if (wordy && !CLOSING.test(previous[previous.length - 1]!.text) && GOING_ON.test(words[0]!.text))
          runOn++;
      }
      previous = words !== undefined && words.length > 0 ? words : undefined;
    }
    if (pairs >= MIN_PAIRS && runOn >= MIN_RUN_ON_SHARE * pairs) running++;
  }
  return running;
}

function inReadingOrder(words: readonly Word[]): Word[] {
  return [...words].sort((a, b) => a.baseline.y - b.baseline.y || a.box.left - b.box.left);
}
