/**
 * Labels as printed ("Invoice #:", "Factuurdatum", "TOTAL AMOUNT DUE ON August 3, 2014") → a clean label
 * and a snake_case property key within Extend's key charset ([letters, digits, _ , -]): accents folded,
 * "#" read as "number", "%" as "percent", dates and amounts printed inside the label dropped, trailing
 * prepositions trimmed, at most 64 characters cut at a word boundary.
 */
import { fold } from "../../local/text/fold.ts";
import { findDates } from "../../local/values/dates.ts";

/** Longest label taken as a label (longer text is a sentence, not a field name). */
export const MAX_LABEL_WORDS = 6;
export const MAX_LABEL_CHARACTERS = 48;
const MAX_KEY_LENGTH = 64;

const TRAILING_JOINERS = new Set([
  "on",
  "of",
  "for",
  "at",
  "by",
  "to",
  "in",
  "the",
  "as",
  "per",
  "du",
  "de",
  "van",
  "vom",
]);

/** The label without bullets, trailing colons/dashes, and surrounding spaces. */
export function cleanLabel(text: string): string {
  return text
    .replace(/^[\s\-*•·>|]+/u, "")
    .replace(/[\s:：\-–—|.]+$/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Whether a piece of text reads as a field label: has a letter, short, not a sentence or a URL. */
export function isLabelLike(label: string): boolean {
  if (label === "" || label.length > MAX_LABEL_CHARACTERS) return false;
  if (!/\p{L}/u.test(label)) return false;
  if (/https?:|www\.|@/iu.test(label)) return false;
  return label.split(" ").length <= MAX_LABEL_WORDS;
}

/** The property key for a label, or undefined when nothing key-like is left. */
export function keyFromLabel(label: string): string | undefined {
  let text = label;
  // A date printed in the label ("Total due on August 3, 2014") is a value, not part of the name; the
  // word that led to it goes with it ("… due on").
  const dates = findDates(text, "dmy");
  for (const date of [...dates].reverse()) text = text.slice(0, date.start) + text.slice(date.end);
  text = text.replace(/#/gu, " number ").replace(/%/gu, " percent ");
  const words = fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
  while (dates.length > 0 && words.length > 1 && TRAILING_JOINERS.has(words.at(-1)!)) words.pop();
  let key = "";
  for (const word of words) {
    const next = key === "" ? word : `${key}_${word}`;
    if (next.length > MAX_KEY_LENGTH) break;
    key = next;
  }
  return key === "" || !/\p{L}/u.test(key) ? undefined : key;
}
