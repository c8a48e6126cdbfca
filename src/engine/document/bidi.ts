/**
 * Reading order of a line's words from their visual order (left to right along the baseline): the part
 * of the Unicode bidirectional algorithm (UAX #9) that a line of extracted words needs, at word level.
 * Right-to-left text reads from the right, but numbers and Latin words inside it keep their left-to-right
 * order (`%50`, `47.500`, `2-5`), and a run of Arabic or Hebrew words inside a left-to-right line reads
 * from its right end. Each word's own text is already in logical order (pdf.js orders a run's characters);
 * only the order of the words, and of the separators between them, is decided here.
 *
 * Implemented: weak types W4 (one separator between two numbers), W5 (terminators such as `%` next to a
 * number), W7 (a number after Latin text is Latin), neutrals N1/N2, levels I1/I2 and reordering L2.
 * Explicit embeddings and isolates do not occur in extracted text and are not handled.
 */

/** One piece of a line in visual order: a word, or " " for the space between two words. */
export interface VisualPiece {
  readonly text: string;
}

type BidiClass = "L" | "R" | "EN" | "ES" | "ET" | "CS" | "ON" | "WS";

const RIGHT_TO_LEFT_SCRIPT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
// The Unicode blocks of those scripts (and their presentation forms): a cheap test that rules most text out.
const RIGHT_TO_LEFT_BLOCKS =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
// European terminators (bidi class ET), separators (ES) and common separators (CS) in extracted text.
const TERMINATORS = /^[#$%°‰‱′″٪¢£¤¥€₹₽+\u2212-]*[#$%°‰‱′″٪¢£¤¥€₹₽]+[#$%°‰‱′″٪¢£¤¥€₹₽+\u2212-]*$/u;
const SEPARATOR = /^[+\u2212-]$/u;
const COMMON_SEPARATOR = /^[.,:/\u060c\u00a0]$/u;

/** True when the text holds a right-to-left letter (Hebrew, Arabic and related scripts). */
export function hasRightToLeftLetter(text: string): boolean {
  if (!RIGHT_TO_LEFT_BLOCKS.test(text)) return false;
  for (const character of text)
    if (LETTER.test(character) && RIGHT_TO_LEFT_SCRIPT.test(character)) return true;
  return false;
}

function classify(text: string): BidiClass {
  if (text.trim() === "") return "WS";
  let latin = false;
  for (const character of text) {
    if (!LETTER.test(character)) continue;
    if (RIGHT_TO_LEFT_SCRIPT.test(character)) return "R";
    latin = true;
  }
  if (latin) return "L";
  if (DIGIT.test(text)) return "EN";
  if (SEPARATOR.test(text)) return "ES";
  if (COMMON_SEPARATOR.test(text)) return "CS";
  if (TERMINATORS.test(text)) return "ET";
  return "ON";
}

/**
 * Indices into `pieces` (given left to right) in reading order, for a line whose paragraph direction is
 * right to left (`rightToLeft`) or left to right.
 */
export function readingOrder(pieces: readonly VisualPiece[], rightToLeft: boolean): number[] {
  const count = pieces.length;
  const visual = pieces.map((piece) => classify(piece.text));
  // Levels are resolved in (approximate) logical order: a right-to-left line read from its right end.
  const logical = Array.from({ length: count }, (_, index) => (rightToLeft ? count - 1 - index : index));
  const types = logical.map((index) => visual[index]!);
  const paragraph: BidiClass = rightToLeft ? "R" : "L";

  // W4: a single separator between two numbers joins them ("1,5", "2-5", "1403/09/19").
  for (let index = 1; index + 1 < count; index++) {
    const type = types[index];
    if ((type === "ES" || type === "CS") && types[index - 1] === "EN" && types[index + 1] === "EN")
      types[index] = "EN";
  }
  // W5: terminators next to a number belong to it ("%50", "$12").
  for (let index = 0; index < count; index++) {
    if (types[index] !== "ET") continue;
    let end = index;
    while (end < count && types[end] === "ET") end++;
    if (types[index - 1] === "EN" || types[end] === "EN") types.fill("EN", index, end);
    index = end - 1;
  }
  // W6: other separators and terminators are neutral.
  for (let index = 0; index < count; index++) {
    const type = types[index];
    if (type === "ES" || type === "CS" || type === "ET") types[index] = "ON";
  }
  // W7: a number after Latin text (or at the start of a left-to-right line) is Latin. "After" is taken
  // visually, left to right: in right-to-left text "Node 24" and "24 Node" are both drawn as "Node 24",
  // and the version number after the name is the common reading.
  let strong = paragraph;
  for (let position = 0; position < count; position++) {
    const index = rightToLeft ? count - 1 - position : position;
    const type = types[index]!;
    if (type === "L" || type === "R") strong = type;
    else if (type === "EN" && strong === "L") types[index] = "L";
  }
  // N1/N2: neutrals between two strong types of one direction take it (numbers count as right to left),
  // other neutrals take the paragraph's direction.
  for (let index = 0; index < count; index++) {
    if (types[index] !== "ON" && types[index] !== "WS") continue;
    let end = index;
    while (end < count && (types[end] === "ON" || types[end] === "WS")) end++;
    const before = index === 0 ? paragraph : direction(types[index - 1]!);
    const after = end === count ? paragraph : direction(types[end]!);
    types.fill(before === after ? before : paragraph, index, end);
    index = end - 1;
  }
  // I1/I2: embedding level 0 for a left-to-right line, 1 for a right-to-left one.
  const levels = new Array<number>(count);
  logical.forEach((visualIndex, index) => {
    const type = types[index]!;
    levels[visualIndex] = rightToLeft ? (type === "R" ? 1 : 2) : type === "R" ? 1 : type === "EN" ? 2 : 0;
  });
  return reorder(levels);
}

function direction(type: BidiClass): "L" | "R" {
  return type === "L" ? "L" : "R";
}

/**
 * L2: from the highest level down to the lowest odd one, reverse every run of pieces at that level or
 * above. Applied to the visual order with the same levels it gives back the logical order.
 */
function reorder(levels: readonly number[]): number[] {
  const order = levels.map((_, index) => index);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.map((level) => (level % 2 === 1 ? level : level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let index = 0; index < order.length; index++) {
      if (levels[order[index]!]! < level) continue;
      let end = index;
      while (end < order.length && levels[order[end]!]! >= level) end++;
      const run = order.slice(index, end).reverse();
      order.splice(index, run.length, ...run);
      index = end - 1;
    }
  }
  return order;
}

/** A word placed along its line: its text and where it starts and ends along the baseline. */
export interface PlacedText {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly fontSize: number;
  /** A space was drawn right after it (Word.spaceAfter). */
  readonly spaceAfter?: boolean | undefined;
}

/**
 * The text of a line's words (given left to right along the baseline) in reading order, with a space
 * where two neighbours are more than `spaceGapEms` of the smaller font size apart, after a word the
 * source drew a space after, and where a Latin word and an Arabic or Hebrew one touch (no word is written
 * in both: fonts often set them without a gap).
 */
export function lineReadingText(
  words: readonly PlacedText[],
  rightToLeft: boolean,
  spaceGapEms: number,
): string {
  const pieces: VisualPiece[] = [];
  words.forEach((word, index) => {
    const previous = words[index - 1];
    if (
      previous !== undefined &&
      (word.start - previous.end > spaceGapEms * Math.min(previous.fontSize, word.fontSize) ||
        previous.spaceAfter === true ||
        scriptsMeet(previous.text, word.text))
    )
      pieces.push({ text: " " });
    pieces.push(word);
  });
  if (!rightToLeft && !words.some((word) => hasRightToLeftLetter(word.text)))
    return pieces.map((piece) => piece.text).join("");
  const text = readingOrder(pieces, rightToLeft)
    .map((index) => pieces[index]!.text)
    .join("");
  return text.replace(/ {2,}/gu, " ").trim();
}

/** One text is in a left-to-right script and the other in a right-to-left one (letters on both sides). */
function scriptsMeet(a: string, b: string): boolean {
  const first = classify(a);
  const second = classify(b);
  return (first === "L" && second === "R") || (first === "R" && second === "L");
}
