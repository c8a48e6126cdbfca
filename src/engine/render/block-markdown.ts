/**
 * Markdown for the engine's blocks: what a block's `content` is and how a chunk's `content` joins them
 * (blocks separated by a blank line, as Extend's page chunks are; consecutive list items by a line break,
 * so they form one list).
 */
import { assertNever } from "../../shared/assert-never.ts";
import type { Block, ListItem } from "../document/block.ts";
import { escapeMarkdownText } from "./markdown-escape.ts";
import { tableContent } from "./table-content.ts";

export interface MarkdownOptions {
  /**
   * Extend's advancedOptions.enrichmentFormat: how page numbers are annotated inline. Undefined means
   * "xml", the first of the two the contract lists.
   */
  readonly enrichmentFormat?: string | undefined;
  /** Extend's blockOptions.tables.targetFormat for table blocks: "html", else markdown. */
  readonly tableFormat?: string | undefined;
}

/** A nested list item is indented this much per level (enough for "-" and "1." parents alike). */
const LIST_INDENT = "   ";

export function blockMarkdown(block: Block, options: MarkdownOptions = {}): string {
  // A code listing is written as printed, inside a fence (no escapes: a fence's content is literal).
  if (block.code === true) return fencedCode(block.text);
  // Text read off a page (it has a box) is escaped where a markdown reader would take it for HTML
  // (markdown-escape.ts); text of TXT/MD and office inputs (no box) passes through as written, since
  // markdown inputs mean their markup. Characters like * and # stay as the document has them.
  const text = block.box === null ? block.text : escapeMarkdownText(block.text);
  switch (block.type) {
    case "text":
      return block.listItem === undefined ? text : listItemMarkdown(text, block.listItem);
    case "heading":
    case "section_heading":
      return `${"#".repeat(block.headingLevel ?? (block.type === "heading" ? 1 : 2))} ${text}`;
    case "key_value":
      // One "Label: value" row per line.
      return text;
    // Upstream parity: Extend's enrichmentFormat says page numbers appear inline in content as
    // <page_number>n</page_number> or [page_number: n]; running headers and footers stay in the content
    // as plain text (the contract's chunk content is "the entire chunk"; change tracking lists them).
    case "header":
    case "footer":
      return text;
    case "page_number":
      return options.enrichmentFormat === "bracket"
        ? `[page_number: ${block.text}]`
        : `<page_number>${block.text}</page_number>`;
    case "table":
      return block.table === undefined
        ? block.text
        : tableContent(block.table, options.tableFormat === "html" ? "html" : "markdown", block.box !== null);
    case "figure":
      return figureMarkdown(block);
    // Upstream parity: enrichmentFormat's own examples are <barcode>1234567890</barcode> and
    // [barcode: 1234567890]; a code detected with reading off has an empty annotation.
    case "barcode":
      if (options.enrichmentFormat === "bracket")
        return block.text === "" ? "[barcode]" : `[barcode: ${block.text}]`;
      return `<barcode>${block.text}</barcode>`;
    // Display math, as markdown renderers with math support (KaTeX, MathJax) read it.
    case "formula":
      return block.formula === undefined ? block.text : `$$ ${block.formula.latex} $$`;
    default:
      return assertNever(block.type, "block type");
  }
}

/**
 * No vision model writes a description, so a figure's content is an HTML <figure> element (valid in
 * markdown) naming its kind, with the labels a drawing took in (axis ticks, legends) as its text.
 */
function figureMarkdown(block: Block): string {
  const kind = block.figure?.figureType ?? "image";
  return block.text === ""
    ? `<figure type="${kind}"></figure>`
    : `<figure type="${kind}">\n${block.text}\n</figure>`;
}

/**
 * "- item" for bullets, "1. item" for arabic numbers, "- a) item" for other enumerators, "- [x] item" /
 * "- [ ] item" for checkboxes (a markdown task list).
 */
function listItemMarkdown(text: string, item: ListItem): string {
  if (item.marker === "[x]" || item.marker === "[ ]") return `${LIST_INDENT.repeat(item.level)}- ${text}`;
  // Symbol-font bullets leave control or private-use characters behind the marker: not text to keep.
  const rest = text.startsWith(item.marker) ? text.slice(item.marker.length) : text;
  const body = rest.replace(/^[\s\p{Cc}\p{Co}\p{Cf}]+/u, "");
  const indent = LIST_INDENT.repeat(item.level);
  if (!item.ordered) return `${indent}- ${body}`;
  if (/^\d{1,9}[.)]$/u.test(item.marker)) return `${indent}${item.marker} ${body}`;
  return `${indent}- ${item.marker} ${body}`;
}

/** A rendered block as the chunk joins it: list items are kept together as one list. */
export interface MarkdownPart {
  readonly content: string;
  readonly listItem: boolean;
}

export function joinMarkdown(parts: readonly MarkdownPart[]): string {
  let joined = "";
  let previousListItem = false;
  for (const part of parts) {
    if (part.content === "") continue;
    if (joined !== "") joined += previousListItem && part.listItem ? "\n" : "\n\n";
    joined += part.content;
    previousListItem = part.listItem;
  }
  return joined;
}

/** A fenced code block whose fence is longer than any backtick run in the code. */
function fencedCode(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/gu) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}\n${code}\n${fence}`;
}
