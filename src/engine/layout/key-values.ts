/**
 * Finds "Label: value" rows (forms, invoices, statements) among a page's text blocks and retypes them as
 * key_value blocks. Conservative on purpose, since prose has colons too: a label is a short phrase
 * starting with a letter, the value is short, and a page needs at least two such rows before any counts.
 * A label alone on its line ("Invoice date:") pairs with the value printed to its right on the same
 * baseline. Distances are in points, relative to the font size.
 */
import type { Block } from "../document/block.ts";
import { type Box, unionBoxes } from "../document/box.ts";
import type { Line } from "../document/line.ts";

/** A label: up to 40 characters starting with a letter, then a colon followed by a space (not "http:"). */
const LABEL = /^\p{L}[\p{L}\p{N}\p{M} .'’&/()#-]{0,39}?\s*:/u;
const MAX_LABEL_WORDS = 5;
const MAX_VALUE_CHARACTERS = 80;
const MAX_VALUE_WORDS = 10;
/** A value more than this many ems right of its label belongs to something else (a second column). */
const MAX_PAIR_GAP_EMS = 30;
/** Fewer rows than this on a page are more likely prose ("Note: …") than a form. */
const MIN_ROWS_PER_PAGE = 2;

/** `blocks` with key-value rows retyped (and label/value pairs merged); other blocks unchanged. */
export function findKeyValues(blocks: readonly Block[]): Block[] {
  const { paired, pairs } = pairLabelsWithValues(blocks);
  let rows = 0;
  const typed = paired.map((block) => {
    if (pairs.has(block)) {
      rows++;
      return { ...block, type: "key_value" as const };
    }
    if (block.type !== "text" || block.listItem !== undefined || block.lines.length === 0) return block;
    if (!block.lines.every((line) => isKeyValueLine(line.text))) return block;
    rows += block.lines.length;
    return { ...block, type: "key_value" as const, text: block.lines.map((line) => line.text).join("\n") };
  });
  if (rows < MIN_ROWS_PER_PAGE) return [...blocks];
  return typed;
}

/** "Label: value" with a short label and a short, non-empty value. */
export function isKeyValueLine(text: string): boolean {
  const label = LABEL.exec(text);
  if (label === null) return false;
  const rest = text.slice(label[0].length);
  if (!/^\s+\S/u.test(rest)) return false;
  const value = rest.trim();
  return (
    wordCount(label[0]) <= MAX_LABEL_WORDS &&
    value.length <= MAX_VALUE_CHARACTERS &&
    wordCount(value) <= MAX_VALUE_WORDS &&
    !/:$/u.test(value)
  );
}

/**
 * Merges each single-line block that is only a label ("Total:") with the single-line block right of it
 * on the same baseline, so the pair reads "Total: $4.11" as one row.
 */
function pairLabelsWithValues(blocks: readonly Block[]): { paired: Block[]; pairs: Set<Block> } {
  const singles = blocks.filter(
    (block) => block.lines.length === 1 && block.box !== null && block.listItem === undefined,
  );
  const merged = new Map<Block, Block>();
  const consumed = new Set<Block>();
  for (const label of singles) {
    const line = label.lines[0]!;
    if (!isLabelOnly(line.text) || consumed.has(label)) continue;
    let value: Block | undefined;
    for (const candidate of singles) {
      if (candidate === label || consumed.has(candidate) || merged.has(candidate)) continue;
      const other = candidate.lines[0]!;
      const gap = other.box.left - line.box.right;
      if (Math.abs(other.baseline - line.baseline) > 0.25 * line.fontSize) continue;
      if (gap < 0 || gap > MAX_PAIR_GAP_EMS * line.fontSize) continue;
      if (value === undefined || other.box.left < value.lines[0]!.box.left) value = candidate;
    }
    if (value === undefined || isLabelOnly(value.text) || value.text.length > MAX_VALUE_CHARACTERS) continue;
    consumed.add(value);
    merged.set(label, pair(label.lines[0]!, value.lines[0]!));
  }
  const paired: Block[] = [];
  for (const block of blocks) {
    if (!consumed.has(block)) paired.push(merged.get(block) ?? block);
  }
  return { paired, pairs: new Set(merged.values()) };
}

function pair(label: Line, value: Line): Block {
  return {
    type: "text",
    text: `${label.text} ${value.text}`,
    box: unionBoxes([label.box, value.box]) as Box,
    lines: [label, value],
  };
}

function isLabelOnly(text: string): boolean {
  const label = LABEL.exec(text);
  return label !== null && label[0].length === text.trimEnd().length && wordCount(text) <= MAX_LABEL_WORDS;
}

function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/u).length;
}
