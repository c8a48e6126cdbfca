/**
 * Notes under an unruled table: the "* Significantly different …", "a Weights are given as …" lines a
 * table's closing rule separates from its body. Their markers stand apart from their text, so each such
 * line splits like a table row and a stream run takes them in, where their long text then crosses the
 * gutters the columns above need. They are the table's notes, not its rows: when every row below the run's
 * last full-width rule opens with a note marker, and at least one of them is a sentence, they are left
 * to the page's text. Without such a rule nothing is cut (a table may well have rows labelled "a", "b").
 */
import type { Ruling } from "../document/ruling.ts";
import type { TextRow } from "./text-rows.ts";

/** Footnote markers: asterisks and daggers, a single letter or number, or a parenthesised one. */
const MARKER = /^(?:\*{1,4}|[†‡§¶#]{1,3}|[a-z]|\d{1,2}|\([a-z\d]{1,2}\))[.:)]?$/u;
/** A note that says what it is ("Note:", "Source:", "Notes"). */
const NOTE_WORD = /^(?:notes?|sources?)\b[:.]?/iu;
/** A rule closes the table when it spans this share of the run's width. */
const MIN_RULE_SHARE = 0.8;
/** Words of text after the marker that make a note a sentence rather than a cell label. */
const MIN_NOTE_WORDS = 3;

/**
 * `rows` (top to bottom, one table's run) without the notes below its closing rule, when it has them.
 * The rule spans the rows above it (the notes may run wider than the table).
 */
export function withoutTableNotes(rows: readonly TextRow[], rulings: readonly Ruling[]): readonly TextRow[] {
  const horizontal = rulings.filter((ruling) => ruling.orientation === "horizontal");
  if (horizontal.length === 0) return rows;
  // The lowest rule with rows on both sides of it.
  for (let index = rows.length - 1; index > 0; index--) {
    const above = rows[index - 1]!;
    const below = rows[index]!;
    const body = rows.slice(0, index);
    const left = Math.min(...body.map((row) => row.box.left));
    const right = Math.max(...body.map((row) => row.box.right));
    const closing = horizontal.some(
      (rule) =>
        rule.position >= above.box.bottom - 1 &&
        rule.position <= below.box.top + 1 &&
        Math.min(rule.end, right) - Math.max(rule.start, left) >= MIN_RULE_SHARE * (right - left),
    );
    if (!closing) continue;
    const notes = rows.slice(index);
    return notes.every(isNoteRow) && notes.some(isSentence) ? body : rows;
  }
  return rows;
}

function isNoteRow(row: TextRow): boolean {
  const first = row.words[0];
  return first !== undefined && (MARKER.test(first.text) || NOTE_WORD.test(first.text));
}

function isSentence(row: TextRow): boolean {
  const first = row.words[0]!;
  const after = MARKER.test(first.text) ? row.words.length - 1 : row.words.length;
  return (
    after >= MIN_NOTE_WORDS &&
    /\p{L}{2}/u.test(
      row.words
        .slice(1)
        .map((word) => word.text)
        .join(" "),
    )
  );
}
