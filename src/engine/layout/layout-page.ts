/**
 * The layout of one page from its words: lines, then paragraph and list-item blocks, then key-value rows.
 * Block order here is provisional (top to bottom); reading-order/ decides the final order, and
 * document-layout/ the types that need the whole document (headings, headers, footers, page numbers).
 */
import type { Block } from "../document/block.ts";
import type { Line } from "../document/line.ts";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";
import { type CheckboxVectors, markCheckboxes } from "./checkboxes.ts";
import { findCodeBlocks } from "./code-blocks.ts";
import { groupLines } from "./group-lines.ts";
import { groupParagraphs } from "./group-paragraphs.ts";
import { findKeyValues } from "./key-values.ts";

export interface PageLayout {
  readonly lines: Line[];
  readonly blocks: Block[];
  /** Lines left out because their font maps glyphs to no characters (only control codes came out). */
  readonly undecodableLines: number;
  /** Checkboxes found (glyphs and drawn squares), now "[x]" / "[ ]" words of the lines. */
  readonly checkboxes: number;
  /** The page's words with checkboxes as "[x]" / "[ ]" words, for the stages after layout (tables). */
  readonly words: Word[];
  /** The page's rulings without checkbox outlines (given `vectors`), for table detection. */
  readonly rulings?: readonly Ruling[];
}

/** `vectors` (the page's painted paths and rulings) lets drawn checkboxes be found as well as glyphs. */
export function layoutPage(words: readonly Word[], vectors?: CheckboxVectors): PageLayout {
  const marked = markCheckboxes(words, vectors);
  const lines = groupLines(marked.words);
  const readable = lines.filter((line) => !isUndecodable(line.text));
  return {
    lines: readable,
    blocks: textBlocks(readable),
    undecodableLines: lines.length - readable.length,
    checkboxes: marked.checkboxes,
    words: marked.words,
    ...(vectors === undefined ? {} : { rulings: marked.rulings }),
  };
}

/** Code listings, then paragraphs and key-value rows of the other lines, by top edge then left edge. */
function textBlocks(lines: readonly Line[]): Block[] {
  const { code, rest } = findCodeBlocks(lines);
  const blocks = findKeyValues(groupParagraphs(rest));
  if (code.length === 0) return blocks;
  return [...blocks, ...code].sort((a, b) => a.box!.top - b.box!.top || a.box!.left - b.box!.left);
}

/**
 * Text from a font without a usable character map decodes to control codes. Such a line reads as noise
 * (OCR could recover it, text extraction cannot); a single control-code bullet before real text is fine.
 */
function isUndecodable(text: string): boolean {
  const visible = text.replace(/\s/gu, "");
  const control = visible.match(/\p{Cc}/gu)?.length ?? 0;
  return control > 0 && control * 2 >= visible.length;
}
