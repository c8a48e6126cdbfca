/**
 * Reading order of an OCR'd page from the OCR engine's own order. Tesseract segments a scanned page into
 * text blocks with its page-layout analysis and reads them in order; on magazine pages where columns
 * wrap around a picture and captions sit between columns, that order is right where a box-only XY-cut
 * interleaves the columns (measured: ISRI 8087_054, CER 7% in tesseract's order against 61%). So for a
 * page whose words all came from OCR, the blocks made of words take the order of their first word in
 * the engine's sequence; blocks without OCR words (figures) keep the place XY-cut gave them.
 */
import type { Block } from "../document/block.ts";
import type { Word } from "../document/word.ts";

/** The font id ocr-words-to-page-words.ts gives every OCR word. */
export const OCR_FONT_ID = "ocr";

/**
 * `blocks` (already in XY-cut order) reordered by the engine's sequence of `words` (the page's words as
 * OCR returned them), or undefined when the page's words are not all from OCR.
 */
export function orderByOcrSequence(blocks: readonly Block[], words: readonly Word[]): Block[] | undefined {
  if (words.length === 0 || words.some((word) => word.fontId !== OCR_FONT_ID)) return undefined;
  const position = new Map<Word, number>();
  for (const [index, word] of words.entries()) position.set(word, index);
  const ranks = blocks.map((block) => {
    let first = Number.POSITIVE_INFINITY;
    for (const line of block.lines)
      for (const word of line.words) first = Math.min(first, position.get(word) ?? Number.POSITIVE_INFINITY);
    return first;
  });
  // Ranked blocks fill the slots ranked blocks had, in engine order; the others stay where they were.
  const ranked = blocks
    .map((block, index) => ({ block, rank: ranks[index]! }))
    .filter((entry) => entry.rank !== Number.POSITIVE_INFINITY)
    .sort((a, b) => a.rank - b.rank);
  let next = 0;
  return blocks.map((block, index) =>
    ranks[index] === Number.POSITIVE_INFINITY ? block : ranked[next++]!.block,
  );
}
