/**
 * A block: a unit of page content in reading order (for now only paragraphs of text). Block types here
 * are the engine's; render/ maps them to Extend's wire BlockType.
 */
import type { Box } from "./box.ts";
import type { Line } from "./line.ts";

export type BlockType = "text";

export interface Block {
  readonly type: BlockType;
  /** Plain text, lines joined with spaces; render/ turns it into the target format. */
  readonly text: string;
  /** In page points; null when the source has no geometry (plain-text files). */
  readonly box: Box | null;
  /** The lines the block was built from; empty when the source had none (plain-text files). */
  readonly lines: readonly Line[];
}
