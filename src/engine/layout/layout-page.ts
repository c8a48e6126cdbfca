/**
 * The layout of one page from its words: lines, then paragraph and list-item blocks, then key-value rows.
 * Block order here is provisional (top to bottom); reading-order/ decides the final order, and
 * document-layout/ the types that need the whole document (headings, headers, footers, page numbers).
 */
import type { Block } from "../document/block.ts";
import type { Line } from "../document/line.ts";
import type { Word } from "../document/word.ts";
import { groupLines } from "./group-lines.ts";
import { groupParagraphs } from "./group-paragraphs.ts";
import { findKeyValues } from "./key-values.ts";

export interface PageLayout {
  readonly lines: Line[];
  readonly blocks: Block[];
  /** Lines left out because their font maps glyphs to no characters (only control codes came out). */
  readonly undecodableLines: number;
}

export function layoutPage(words: readonly Word[]): PageLayout {
  const lines = groupLines(words);
  const readable = lines.filter((line) => !isUndecodable(line.text));
  return {
    lines: readable,
    blocks: findKeyValues(groupParagraphs(readable)),
    undecodableLines: lines.length - readable.length,
  };
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
