/**
 * Synthetic words for layout tests: Helvetica-like proportions (0.5 em per character, ascent 0.75 em,
 * descent 0.25 em), positions in page points from the top-left. Test support only.
 */
import type { Word } from "../document/word.ts";

/** A horizontal word whose baseline starts at (left, baseline). */
export function word(
  text: string,
  left: number,
  baseline: number,
  size = 10,
  extra: Partial<Word> = {},
): Word {
  return {
    text,
    box: {
      left,
      top: baseline - 0.75 * size,
      right: left + text.length * 0.5 * size,
      bottom: baseline + 0.25 * size,
    },
    baseline: { x: left, y: baseline },
    angle: 0,
    fontSize: size,
    fontId: "f1",
    fontFamily: "sans-serif",
    direction: "ltr",
    ...extra,
  };
}

/** The words of `text` laid out from `left` with one space (0.5 em) between them. */
export function sentence(text: string, left: number, baseline: number, size = 10): Word[] {
  const words: Word[] = [];
  let x = left;
  for (const part of text.split(" ")) {
    words.push(word(part, x, baseline, size));
    x += (part.length + 1) * 0.5 * size;
  }
  return words;
}

/** Lines of text from `left`, one every `pitch` points from the baseline `top`. */
export function paragraphWords(
  texts: readonly string[],
  left: number,
  top: number,
  pitch = 12,
  size = 10,
): Word[] {
  return texts.flatMap((text, index) => sentence(text, left, top + index * pitch, size));
}
