/**
 * DocumentSource for plain-text inputs (TXT, Markdown, CSV): the whole file is one page without geometry
 * (no size, no boxes), its blank-line-separated paragraphs the page's text blocks.
 */
import type { Block } from "../document/block.ts";
import type { DocumentSource } from "../document/document-source.ts";
import { emptyPage, type Page } from "../document/page.ts";

export class TextDocumentSource implements DocumentSource {
  readonly stage = "ingest" as const;
  readonly pageCount = 1;
  readonly #text: string;

  constructor(bytes: Uint8Array) {
    this.#text = decodeText(bytes);
  }

  async readPage(pageNumber: number): Promise<Page> {
    if (pageNumber !== 1) throw new RangeError(`A text document has one page, not page ${pageNumber}`);
    const page = emptyPage(1, null, null);
    page.blocks = paragraphs(this.#text).map((text): Block => ({ type: "text", text, box: null, lines: [] }));
    return page;
  }

  async close(): Promise<void> {}
}

/** UTF-8 unless a byte-order mark says UTF-16; invalid sequences become U+FFFD rather than failing. */
export function decodeText(bytes: Uint8Array): string {
  let encoding = "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = "utf-16le";
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = "utf-16be";
  // TextDecoder strips the BOM it recognises.
  return new TextDecoder(encoding).decode(bytes).replace(/\r\n?/g, "\n");
}

/** Paragraphs separated by blank lines, trailing whitespace trimmed; inner line breaks are kept. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\s+$/g, ""))
    .filter((paragraph) => paragraph.trim() !== "");
}
