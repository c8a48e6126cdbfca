/**
 * The typographic style of a run of text (a line, a block, a page's body): the font size, font and weight
 * that most of its characters use. Counting characters, not words, keeps a bold lead-in word or a
 * footnote mark from deciding the style of a whole paragraph. Sizes are in points.
 */
import type { Line } from "../document/line.ts";
import type { Word } from "../document/word.ts";

export interface TextStyle {
  /** Font size most characters use, rounded to 0.1 pt (ties go to the larger size). */
  readonly size: number;
  /** pdf.js font id most characters use; "" for no characters. */
  readonly fontId: string;
  readonly fontFamily: string;
  /** True when most characters are known bold, false when most are known regular, undefined if unknown. */
  readonly bold: boolean | undefined;
  readonly italic: boolean | undefined;
  /** Characters counted (non-space). */
  readonly characters: number;
}

/** Tallies characters per font size, font and weight; add words, then read the dominant style. */
export class StyleTally {
  readonly #sizes = new Map<number, number>();
  readonly #fonts = new Map<string, { family: string; count: number }>();
  #bold = 0;
  #regular = 0;
  #italic = 0;
  #upright = 0;
  #characters = 0;

  addWord(word: Word): void {
    const count = word.text.length;
    const size = Math.round(word.fontSize * 10) / 10;
    this.#sizes.set(size, (this.#sizes.get(size) ?? 0) + count);
    const font = this.#fonts.get(word.fontId);
    if (font === undefined) this.#fonts.set(word.fontId, { family: word.fontFamily, count });
    else font.count += count;
    if (word.bold === true) this.#bold += count;
    else if (word.bold === false) this.#regular += count;
    if (word.italic === true) this.#italic += count;
    else if (word.italic === false) this.#upright += count;
    this.#characters += count;
  }

  addLines(lines: Iterable<Line>): this {
    for (const line of lines) for (const word of line.words) this.addWord(word);
    return this;
  }

  style(): TextStyle {
    let size = 0;
    let sizeCount = -1;
    for (const [candidate, count] of this.#sizes) {
      if (count > sizeCount || (count === sizeCount && candidate > size)) {
        size = candidate;
        sizeCount = count;
      }
    }
    let fontId = "";
    let fontFamily = "";
    let fontCount = -1;
    for (const [id, font] of this.#fonts) {
      if (font.count > fontCount) {
        fontId = id;
        fontFamily = font.family;
        fontCount = font.count;
      }
    }
    return {
      size,
      fontId,
      fontFamily,
      bold: majority(this.#bold, this.#regular, this.#characters),
      italic: majority(this.#italic, this.#upright, this.#characters),
      characters: this.#characters,
    };
  }
}

/** The dominant style of some lines. */
export function styleOfLines(lines: Iterable<Line>): TextStyle {
  return new StyleTally().addLines(lines).style();
}

/** True/false when the known characters are at least half of all, by majority; else undefined. */
function majority(yes: number, no: number, all: number): boolean | undefined {
  if (yes + no < all / 2 || yes + no === 0) return undefined;
  return yes > no;
}
