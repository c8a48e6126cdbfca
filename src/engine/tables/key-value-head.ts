/**
 * A block of form fields printed as labels over values ("Invoice Date:" over its date, "Due Date:" over
 * its date, side by side) often sits just above a table, close enough to join its run of rows, and its
 * labels and values line up in columns of their own. Column headers do not end with a colon; field
 * labels do. So leading pairs of rows where every segment of the upper row is a label ending with a
 * colon and every segment of the lower row starts under one of those labels are a key-value block, not
 * the table's header. Distances in points, relative to the font size.
 */
import type { TextRow } from "./text-rows.ts";

/** A value starts under its label's left edge within this many ems. */
const VALUE_ALIGNMENT_EMS = 0.5;
/** A value row follows its label row within this many ems. */
const MAX_PAIR_GAP_EMS = 0.8;
/** A label holds at most this many words. */
const MAX_LABEL_WORDS = 4;

/** The run split into its leading key-value block (label rows over value rows) and the rest. */
export function splitKeyValueHead(run: readonly TextRow[]): { head: TextRow[]; rest: TextRow[] } {
  let index = 0;
  while (index + 1 < run.length && valuesUnderLabels(run[index]!, run[index + 1]!)) index += 2;
  return { head: run.slice(0, index), rest: run.slice(index) };
}

function valuesUnderLabels(labels: TextRow, values: TextRow): boolean {
  const em = Math.max(labels.fontSize, values.fontSize);
  if (labels.segments.length < 2 || values.box.top - labels.box.bottom > MAX_PAIR_GAP_EMS * em) return false;
  if (!labels.segments.every((segment) => isLabel(segment.text, segment.words.length))) return false;
  return values.segments.every(
    (value) =>
      !value.text.trim().endsWith(":") &&
      labels.segments.some((label) => Math.abs(label.box.left - value.box.left) <= VALUE_ALIGNMENT_EMS * em),
  );
}

function isLabel(text: string, words: number): boolean {
  return words <= MAX_LABEL_WORDS && /^\p{L}.*:$/u.test(text.trim());
}
