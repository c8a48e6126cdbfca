/**
 * Nesting levels of list items, from their indentation: within a run of consecutive list items (in
 * reading order), an item whose marker sits further right than the item before it is one level deeper,
 * and one back at an earlier marker position returns to that level. Any other block ends the run.
 */
import type { Block } from "../document/block.ts";

/** Marker positions closer than this share a level, in ems of the item's first line. */
const SAME_INDENT_EMS = 0.6;

/** `blocks` (in reading order) with list items' `level` set; other blocks unchanged. */
export function nestListItems(blocks: readonly Block[]): Block[] {
  // Marker left edges of the open levels, outermost first.
  const indents: number[] = [];
  return blocks.map((block) => {
    const item = block.listItem;
    if (item === undefined || block.box === null) {
      indents.length = 0;
      return block;
    }
    // The marker's position: the first line's start (wrapped lines may reach further left).
    const left = block.lines[0]?.box.left ?? block.box.left;
    const tolerance = SAME_INDENT_EMS * (block.lines[0]?.fontSize ?? 10);
    while (indents.length > 0 && left < indents[indents.length - 1]! - tolerance) indents.pop();
    const last = indents[indents.length - 1];
    if (last === undefined || left > last + tolerance) indents.push(left);
    const level = indents.length - 1;
    return level === item.level ? block : { ...block, listItem: { ...item, level } };
  });
}
