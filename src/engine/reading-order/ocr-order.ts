/**
 * Reading order of an OCR'd page from the OCR engine's own order. Tesseract segments a scanned page into
 * text blocks with its page-layout analysis and reads them in order; on magazine pages where columns
 * wrap around a picture and captions sit between columns, that order is right where a box-only XY-cut
 * interleaves the columns (measured: ISRI 8087_054, CER 7% in tesseract's order against 61%). So for a
 * page whose words all came from OCR, the blocks made of words take the order of their first word in
 * the engine's sequence; blocks without OCR words (figures) keep the place XY-cut gave them.
 *
 * One correction (orderAroundFullRows): tesseract reads a column down to the page's bottom and then goes
 * on to the next, so a headline spanning the lower part of several columns, and the byline under it, came
 * out in the middle of the text, between the column they start under and the next one (ISRI 8071_093).
 * A block with its row of the page to itself is read after the blocks above it and before those below.
 */
import type { Block } from "../document/block.ts";
import { type Box, overlapLength } from "../document/box.ts";
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
  const ordered = orderAroundFullRows(ranked.map((entry) => entry.block));
  let next = 0;
  return blocks.map((block, index) => (ranks[index] === Number.POSITIVE_INFINITY ? block : ordered[next++]!));
}

/**
 * `blocks` in the same order except around rows of the page that one block has to itself (no other block
 * beside it at any height it covers: a headline or footer under columns, a heading above them): such a
 * block comes after every block above it that shares some of its width, and before every block below it
 * that does. The earliest block whose predecessors are all out goes next; every constraint runs from a
 * higher top to a lower one, so there is never a cycle. Blocks beside others (a caption between two
 * columns) keep the engine's order.
 */
export function orderAroundFullRows(blocks: readonly Block[]): Block[] {
  const before: number[][] = blocks.map(() => []);
  blocks.forEach((row, rowIndex) => {
    if (!hasRowToItself(row, blocks)) return;
    blocks.forEach((other, index) => {
      if (standsAbove(other.box, row.box)) before[rowIndex]!.push(index);
      else if (standsAbove(row.box, other.box)) before[index]!.push(rowIndex);
    });
  });
  const done = blocks.map(() => false);
  const ordered: Block[] = [];
  while (ordered.length < blocks.length) {
    const index = blocks.findIndex(
      (_, candidate) => !done[candidate] && before[candidate]!.every((i) => done[i]),
    );
    done[index] = true;
    ordered.push(blocks[index]!);
  }
  return ordered;
}

function hasRowToItself(block: Block, blocks: readonly Block[]): boolean {
  const box = block.box;
  if (box === null) return false;
  return blocks.every(
    (other) =>
      other === block ||
      other.box === null ||
      overlapLength(box.top, box.bottom, other.box.top, other.box.bottom) === 0,
  );
}

/** Wholly above and sharing some width. */
function standsAbove(upper: Box | null, lower: Box | null): boolean {
  if (upper === null || lower === null || upper.bottom > lower.top) return false;
  return overlapLength(upper.left, upper.right, lower.left, lower.right) > 0;
}
