/**
 * Right-to-left words whose ligature glyphs pdf.js turned around. A font maps a ligature glyph to several
 * characters in reading order (the Arabic lam-alef "لا" and its hamza and madda forms) and pdf.js's bidi
 * pass reverses a right-to-left run character by character, so the ligature's characters come out
 * backwards ("المشكلات" arrives as "المشكالت"). From the text alone a reversed ligature cannot be told
 * from a genuine alef-lam ("عالم"); the operator list can, as it keeps each glyph with its characters.
 * Per word of the page (the glyphs of one showText between spaces, in drawing order) the text pdf.js
 * makes of it and the text it reads as; the page's words are then mended by exact match.
 */
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Word } from "../document/word.ts";
import type { PdfOperatorList } from "./operator-list.ts";
import { repairLamAlef } from "./text-run-words.ts";

/** Arabic and Hebrew letters, marks and presentation forms only (digits and Latin reorder otherwise). */
const RIGHT_TO_LEFT_ONLY =
  /^[\u0590-\u05ff\u0600-\u065f\u066e-\u06ef\u06fa-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+$/u;
/** U+0640 ARABIC TATWEEL, which the words leave out (text-run-words.ts). */
const TATWEEL = /\u0640/gu;

/**
 * Word text as pdf.js gives it → the text in reading order, for the page's right-to-left words drawn
 * with a multi-character glyph; a text that two different glyph sequences produce is left out.
 */
export function ligatureRepairs(list: PdfOperatorList): Map<string, string> {
  const readings = new Map<string, Set<string>>();
  const { fnArray, argsArray } = list;
  for (let index = 0; index < fnArray.length; index++) {
    if (fnArray[index] !== OPS.showText) continue;
    const glyphs = (argsArray[index] as unknown[] | null | undefined)?.[0];
    if (!Array.isArray(glyphs)) continue;
    let word: string[] = [];
    const flush = () => {
      if (word.length > 0) addReading(readings, word);
      word = [];
    };
    for (const glyph of glyphs) {
      // Numbers are kerning adjustments between glyphs.
      if (typeof glyph !== "object" || glyph === null) continue;
      const unicode = (glyph as { unicode?: unknown }).unicode;
      if (typeof unicode !== "string" || unicode.trim() === "") flush();
      else word.push(unicode);
    }
    flush();
  }
  const repairs = new Map<string, string>();
  for (const [given, read] of readings) {
    const [only] = read;
    if (read.size === 1 && only !== undefined && only !== given) repairs.set(given, only);
  }
  return repairs;
}

/** `words` with the texts `repairs` knows replaced (the same array when none is). */
export function repairLigatures(words: Word[], repairs: ReadonlyMap<string, string>): Word[] {
  if (repairs.size === 0) return words;
  return words.map((word) => {
    const text = repairs.get(word.text);
    return text === undefined ? word : { ...word, text };
  });
}

/** Records what pdf.js makes of one word's glyphs (drawn left to right) and what it reads as. */
function addReading(readings: Map<string, Set<string>>, glyphs: readonly string[]): void {
  const drawn = glyphs.join("");
  if (!RIGHT_TO_LEFT_ONLY.test(drawn)) return;
  // pdf.js: the characters reversed one by one. In reading order: the glyphs reversed, each glyph's own
  // characters kept as the font maps them.
  // As the page's words hold it: no tatweel, the unambiguous reversed lam-alef after "ا" already mended.
  const given = repairLamAlef(Array.from(drawn).reverse().join("").replace(TATWEEL, ""));
  const read = [...glyphs].reverse().join("").replace(TATWEEL, "");
  const known = readings.get(given);
  if (known === undefined) readings.set(given, new Set([read]));
  else known.add(read);
}
