/**
 * Markdown for the engine's blocks: what a block's `content` is and how a chunk's `content` joins them
 * (blocks separated by a blank line, as Extend's page chunks are).
 */
import { assertNever } from "../../shared/assert-never.ts";
import type { Block } from "../document/block.ts";

export function blockMarkdown(block: Block): string {
  switch (block.type) {
    case "text":
      // Text passes through unescaped: upstream keeps characters like * and # as the document has them.
      return block.text;
    default:
      return assertNever(block.type, "block type");
  }
}

export function joinMarkdown(contents: readonly string[]): string {
  return contents.filter((content) => content !== "").join("\n\n");
}
