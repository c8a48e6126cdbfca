/**
 * A paragraph that runs past a float: figures and tables are set where they fit (at the foot of a
 * column, say) while the text flows on around them, so a paragraph that breaks off mid-sentence just
 * before a figure, its caption or a table continues after them (at the top of the next column). Column
 * order puts the float between the two halves; a reader (and docling) finishes the sentence first. The
 * continuation — the next text block, starting in lower case, and the text blocks that carry its
 * sentence on — moves up to just after the broken-off block; the floats follow it. Distances in points.
 */
import type { Block } from "../document/block.ts";
import type { Box } from "../document/box.ts";

/** A caption sits within this many of its own lines' heights of its float. */
const CAPTION_GAP_LINES = 2;
/** Captions are short: at most this many lines. */
const MAX_CAPTION_LINES = 3;
/** A paragraph broken off by its column's end has this many lines at least… */
const MIN_BROKEN_LINES = 2;
/** …and its last line ends within this many ems of the paragraph's right edge. */
const FULL_LINE_SLACK_EMS = 2;
/** Font sizes within this share of each other are one body size. */
const SIZE_TOLERANCE = 0.1;

/** `blocks` (one page, in reading order) with continuations moved up past the floats that split them. */
export function continueAroundFloats(blocks: readonly Block[]): Block[] {
  const result = [...blocks];
  for (let index = 0; index < result.length; index++) {
    const broken = result[index]!;
    if (!isRunningText(broken) || endsSentence(broken.text) || !runsToColumnEnd(broken)) continue;
    const floats = floatRun(result, index + 1);
    if (floats === 0) continue;
    const start = index + 1 + floats;
    const first = result[start];
    if (first === undefined || !isRunningText(first) || !/^\p{Ll}/u.test(first.text)) continue;
    if (!sameSize(broken, first)) continue;
    let end = start + 1;
    while (
      end < result.length &&
      !endsSentence(result[end - 1]!.text) &&
      isRunningText(result[end]!) &&
      result[end]!.listItem === undefined
    )
      end++;
    const moved = result.slice(start, end);
    result.splice(start, end - start);
    result.splice(index + 1, 0, ...moved);
    index = end - 1;
  }
  return result;
}

/**
 * A paragraph cut off by the end of its column: two lines or more, the last one as full as the others
 * (a title or a label line ending short is no broken sentence).
 */
function runsToColumnEnd(block: Block): boolean {
  const last = block.lines[block.lines.length - 1];
  if (block.lines.length < MIN_BROKEN_LINES || last === undefined || block.box === null) return false;
  return block.box.right - last.box.right <= FULL_LINE_SLACK_EMS * last.fontSize;
}

/** The continuation is set like the paragraph it continues (same body size). */
function sameSize(a: Block, b: Block): boolean {
  const size = (block: Block) => block.lines[0]?.fontSize ?? 0;
  return Math.abs(size(a) - size(b)) <= SIZE_TOLERANCE * Math.max(size(a), size(b));
}

function isRunningText(block: Block): boolean {
  return block.type === "text" && block.code !== true && block.box !== null;
}

/** Ends a sentence or an item: final punctuation, possibly inside closing quotes or brackets. */
function endsSentence(text: string): boolean {
  return /[.!?:;。！？؟…][\p{Pf}\p{Pe}"']*\s*$/u.test(text);
}

/**
 * How many blocks from `from` on are floats: at least one figure or table, and text blocks that caption
 * one of them (a few lines right above or below a float of the run, overlapping it across). 0 when none.
 */
function floatRun(blocks: readonly Block[], from: number): number {
  const floats: Box[] = [];
  let count = 0;
  for (let index = from; index < blocks.length; index++) {
    const block = blocks[index]!;
    if ((block.type === "figure" || block.type === "table") && block.box !== null) {
      floats.push(block.box);
      count = index - from + 1;
    } else if (block.type === "text" && block.box !== null && isCaption(block, floats, blocks, index)) {
      count = index - from + 1;
    } else break;
  }
  return floats.length === 0 ? 0 : count;
}

/** A short text block next to a float of the run, or next to the float that follows it. */
function isCaption(block: Block, floats: readonly Box[], blocks: readonly Block[], index: number): boolean {
  if (block.lines.length > MAX_CAPTION_LINES || block.box === null) return false;
  const next = blocks[index + 1];
  const candidates =
    next !== undefined && (next.type === "figure" || next.type === "table") && next.box !== null
      ? [...floats, next.box]
      : floats;
  const lineHeight = (block.box.bottom - block.box.top) / Math.max(block.lines.length, 1);
  return candidates.some((box) => besideVertically(block.box!, box, CAPTION_GAP_LINES * lineHeight));
}

/** `a` right above or below `b` (within `gap`), overlapping it horizontally. */
function besideVertically(a: Box, b: Box, gap: number): boolean {
  const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  if (across <= 0) return false;
  const distance = Math.max(a.top - b.bottom, b.top - a.bottom);
  return distance <= gap;
}
