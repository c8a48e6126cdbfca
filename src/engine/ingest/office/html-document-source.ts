/**
 * DocumentSource for HTML files: one page without geometry whose blocks are the document's headings
 * (h1–h6), paragraphs, lists (ul/ol nesting, ol start), tables (thead/th header rows, rowspan/colspan),
 * images (figures) and preformatted code (fenced). Script, style and other non-content elements are
 * skipped. The encoding comes from the byte-order mark, else the meta charset, else UTF-8.
 */
import type { Block } from "../../document/block.ts";
import type { DocumentSource } from "../../document/document-source.ts";
import { emptyPage, type Page } from "../../document/page.ts";
import {
  checkboxGlyphsToMarks,
  cleanText,
  figureBlock,
  headingBlock,
  listItemBlock,
  type SourceCell,
  tableBlock,
  textBlock,
} from "./office-blocks.ts";
import { elementChildren, intAttribute, parseXml, textOf, type XmlElement } from "./xml-tree.ts";

const SKIPPED = new Set([
  "script",
  "style",
  "head",
  "noscript",
  "template",
  "svg",
  "iframe",
  "object",
  "button",
  "select",
]);
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "nav",
  "aside",
  "blockquote",
  "figure",
  "figcaption",
  "address",
  "dl",
  "dt",
  "dd",
  "form",
  "fieldset",
  "hr",
  "body",
  "html",
  "details",
  "summary",
  "center",
]);

export class HtmlDocumentSource implements DocumentSource {
  readonly stage = "ingest" as const;
  readonly pageCount = 1;
  readonly #blocks: readonly Block[];

  constructor(bytes: Uint8Array) {
    this.#blocks = htmlBlocks(decodeHtml(bytes));
  }

  async readPage(pageNumber: number): Promise<Page> {
    if (pageNumber !== 1) throw new RangeError(`An HTML document has one page, not page ${pageNumber}`);
    const page = emptyPage(1, null, null);
    page.blocks = [...this.#blocks];
    return page;
  }

  async close(): Promise<void> {}
}

/**
 * BOM first, then a meta charset (or an XML declaration's encoding) in the first 2 KB, else UTF-8;
 * unknown labels fall back to UTF-8.
 */
export function decodeHtml(bytes: Uint8Array): string {
  let encoding = "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = "utf-16le";
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = "utf-16be";
  else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
    const match =
      /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/iu.exec(head) ??
      /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)/iu.exec(head);
    if (match !== null) encoding = match[1]!.toLowerCase();
  }
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

export function htmlBlocks(html: string): Block[] {
  const walker = new Walker();
  walker.walk(parseXml(html, true));
  walker.flush();
  return walker.blocks;
}

class Walker {
  readonly blocks: Block[] = [];
  #inline = "";

  flush(): void {
    const text = cleanText(checkboxGlyphsToMarks(this.#inline));
    this.#inline = "";
    if (text !== "") this.blocks.push(textBlock(text));
  }

  walk(element: XmlElement): void {
    for (const node of element.children) {
      if (typeof node === "string") {
        this.#inline += node.replace(/\s+/gu, " ");
        continue;
      }
      const name = node.name;
      if (SKIPPED.has(name)) continue;
      if (/^h[1-6]$/u.test(name)) {
        this.flush();
        const text = cleanText(inlineText(node)).replace(/\n/gu, " ");
        if (text !== "") this.blocks.push(headingBlock(text, Number(name[1])));
      } else if (name === "ul" || name === "ol") {
        this.flush();
        this.#list(node, 0);
      } else if (name === "table") {
        this.flush();
        const only = singleCell(node);
        if (only !== undefined) {
          // A one-cell table frames content (a layout device): its content is read as blocks.
          this.walk(only);
          this.flush();
          continue;
        }
        const table = readTable(node);
        if (table !== undefined) this.blocks.push(table);
      } else if (name === "img") {
        this.flush();
        this.blocks.push(figureBlock("image"));
      } else if (name === "pre") {
        this.flush();
        const code = textOf(node).replace(/^\n/u, "").replace(/\s+$/u, "");
        if (code !== "") this.blocks.push({ ...textBlock(code), code: true });
      } else if (name === "br") this.#inline += "\n";
      else if (name === "input" && node.attributes.type === "checkbox")
        this.#inline += node.attributes.checked === undefined ? "[ ] " : "[x] ";
      else if (BLOCK.has(name) || name === "li") {
        this.flush();
        this.walk(node);
        this.flush();
      } else this.walk(node);
    }
  }

  #list(list: XmlElement, level: number): void {
    const ordered = list.name === "ol";
    let number = intAttribute(list, "start") ?? 1;
    for (const item of elementChildren(list)) {
      if (item.name !== "li") {
        if (item.name === "ul" || item.name === "ol") this.#list(item, level + 1);
        continue;
      }
      // The item's own text, then its nested lists (and any blocks) after it.
      const own: XmlElement = { name: "li", attributes: {}, children: [] };
      const nested: XmlElement[] = [];
      for (const child of item.children) {
        if (
          typeof child !== "string" &&
          (child.name === "ul" || child.name === "ol" || child.name === "table")
        )
          nested.push(child);
        else own.children.push(child);
      }
      const text = cleanText(checkboxGlyphsToMarks(inlineText(own)));
      const marker = ordered ? `${number}.` : "-";
      number++;
      if (text !== "") this.blocks.push(listItemBlock(text, { marker, ordered, level }));
      for (const child of nested) {
        if (child.name === "table") {
          const table = readTable(child);
          if (table !== undefined) this.blocks.push(table);
        } else this.#list(child, level + 1);
      }
    }
  }
}

/** Text of an element as read inline: <br> and block boundaries become line breaks. */
function inlineText(element: XmlElement): string {
  let text = "";
  for (const node of element.children) {
    if (typeof node === "string") text += node.replace(/\s+/gu, " ");
    else if (SKIPPED.has(node.name)) continue;
    else if (node.name === "br") text += "\n";
    else if (node.name === "input" && node.attributes.type === "checkbox")
      text += node.attributes.checked === undefined ? "[ ] " : "[x] ";
    else if (BLOCK.has(node.name) || node.name === "li" || node.name === "tr" || /^h[1-6]$/u.test(node.name))
      text += `\n${inlineText(node)}\n`;
    else if (node.name === "td" || node.name === "th") text += ` ${inlineText(node)} `;
    else text += inlineText(node);
  }
  return text;
}

/** The table's only cell, when it has exactly one. */
function singleCell(table: XmlElement): XmlElement | undefined {
  const cells: XmlElement[] = [];
  const collect = (element: XmlElement) => {
    for (const node of elementChildren(element)) {
      if (node.name === "td" || node.name === "th") cells.push(node);
      else if (node.name === "tr" || node.name === "thead" || node.name === "tbody" || node.name === "tfoot")
        collect(node);
    }
  };
  collect(table);
  return cells.length === 1 ? cells[0] : undefined;
}

function readTable(table: XmlElement): Block | undefined {
  const rows: SourceCell[][] = [];
  const collect = (element: XmlElement, section: string) => {
    for (const child of elementChildren(element)) {
      if (child.name === "tr") {
        rows.push(
          elementChildren(child)
            .filter((cell) => cell.name === "td" || cell.name === "th")
            .map((cell) => ({
              text: cleanText(checkboxGlyphsToMarks(inlineText(cell))),
              columnSpan: Math.max(1, intAttribute(cell, "colspan") ?? 1),
              rowSpan: Math.max(1, intAttribute(cell, "rowspan") ?? 1),
              header: section === "thead" || cell.name === "th",
            })),
        );
      } else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot")
        collect(child, child.name);
    }
  };
  collect(table, "table");
  return tableBlock(rows.filter((row) => row.length > 0));
}
