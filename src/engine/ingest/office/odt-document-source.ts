/**
 * DocumentSource for OpenDocument text (ODT) read natively from content.xml: headings (text:h outline
 * levels, the Title paragraph style), paragraphs, nested lists (numbered or bulleted per their list
 * style), tables (header rows, column and row spans, repeated cells) and images (figures); text boxes
 * are read as content. One page without geometry, like Word files (see docx-document-source.ts).
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
  normalizeListLevels,
  type SourceCell,
  tableBlock,
  textBlock,
} from "./office-blocks.ts";
import { type OfficePackage, parsedPart } from "./office-zip.ts";
import {
  child,
  childrenNamed,
  descendants,
  elementChildren,
  intAttribute,
  type XmlElement,
} from "./xml-tree.ts";

/** A repeated cell or row beyond this many copies is an empty filler (spreadsheet-style padding). */
const MAX_REPEAT = 64;

export class OdtDocumentSource implements DocumentSource {
  readonly stage = "ingest" as const;
  readonly pageCount = 1;
  readonly #blocks: readonly Block[];

  private constructor(blocks: readonly Block[]) {
    this.#blocks = blocks;
  }

  static open(pkg: OfficePackage): OdtDocumentSource {
    const content = parsedPart(pkg, "content.xml");
    const text = content === undefined ? undefined : child(firstChild(content, "office:body"), "office:text");
    if (text === undefined) throw new Error("The package has no text document body (content.xml)");
    const ordered = orderedListStyles([content!, parsedPart(pkg, "styles.xml")]);
    const reader = new Reader(ordered);
    reader.container(text);
    return new OdtDocumentSource(normalizeListLevels(reader.blocks));
  }

  async readPage(pageNumber: number): Promise<Page> {
    if (pageNumber !== 1) throw new RangeError(`An ODT document is read as one page, not page ${pageNumber}`);
    const page = emptyPage(1, null, null);
    page.blocks = [...this.#blocks];
    return page;
  }

  async close(): Promise<void> {}
}

function firstChild(root: XmlElement, name: string): XmlElement | undefined {
  return descendants(root, name)[0];
}

/** List style name → per level (1-based), whether that level is numbered. */
function orderedListStyles(roots: readonly (XmlElement | undefined)[]): Map<string, Map<number, boolean>> {
  const styles = new Map<string, Map<number, boolean>>();
  for (const root of roots) {
    if (root === undefined) continue;
    for (const style of descendants(root, "text:list-style")) {
      const name = style.attributes["style:name"];
      if (name === undefined) continue;
      const levels = new Map<number, boolean>();
      for (const level of elementChildren(style)) {
        const number = intAttribute(level, "text:level") ?? 1;
        levels.set(
          number,
          level.name === "text:list-level-style-number" &&
            (level.attributes["style:num-format"] ?? "1") !== "",
        );
      }
      styles.set(name, levels);
    }
  }
  return styles;
}

class Reader {
  readonly blocks: Block[] = [];
  readonly #ordered: Map<string, Map<number, boolean>>;

  constructor(ordered: Map<string, Map<number, boolean>>) {
    this.#ordered = ordered;
  }

  container(element: XmlElement): void {
    for (const node of elementChildren(element)) {
      switch (node.name) {
        case "text:h":
          this.#paragraph(node, (text) =>
            headingBlock(text.replace(/\n/gu, " "), (intAttribute(node, "text:outline-level") ?? 1) + 1),
          );
          break;
        case "text:p": {
          const style = (node.attributes["text:style-name"] ?? "").toLowerCase();
          this.#paragraph(node, (text) => (style === "title" ? headingBlock(text, 1) : textBlock(text)));
          break;
        }
        case "text:list":
          this.#list(node, 0, node.attributes["text:style-name"]);
          break;
        case "table:table": {
          const table = this.#table(node);
          if (table !== undefined) this.blocks.push(table);
          break;
        }
        case "text:section":
        case "text:index-body":
        case "text:table-of-content":
        case "text:alphabetical-index":
        case "text:illustration-index":
        case "text:bibliography":
          this.container(node);
          break;
        default:
          break;
      }
    }
  }

  #list(list: XmlElement, level: number, styleName: string | undefined): void {
    const style = list.attributes["text:style-name"] ?? styleName;
    const ordered = style === undefined ? false : (this.#ordered.get(style)?.get(level + 1) ?? false);
    let number = 0;
    for (const item of childrenNamed(list, "text:list-item").concat(
      childrenNamed(list, "text:list-header"),
    )) {
      number = intAttribute(item, "text:start-value") ?? number + 1;
      let first = true;
      for (const part of elementChildren(item)) {
        if (part.name === "text:list") {
          this.#list(part, level + 1, style);
          continue;
        }
        if (part.name !== "text:p" && part.name !== "text:h") {
          this.container({ name: "wrapper", attributes: {}, children: [part] });
          continue;
        }
        const isFirst = first && item.name === "text:list-item";
        const pushed = this.#paragraph(part, (text) =>
          isFirst
            ? listItemBlock(text, { marker: ordered ? `${number}.` : "-", ordered, level })
            : textBlock(text),
        );
        if (pushed) first = false;
      }
    }
  }

  #table(table: XmlElement): Block | undefined {
    const rows: SourceCell[][] = [];
    const visit = (element: XmlElement, header: boolean) => {
      for (const node of elementChildren(element)) {
        if (node.name === "table:table-header-rows") visit(node, true);
        else if (node.name === "table:table-rows" || node.name === "table:table-row-group")
          visit(node, header);
        else if (node.name === "table:table-row") {
          const row = this.#row(node, header);
          const repeat = Math.min(intAttribute(node, "table:number-rows-repeated") ?? 1, MAX_REPEAT);
          for (let copy = 0; copy < repeat; copy++) rows.push(row);
        }
      }
    };
    visit(table, false);
    // Trailing empty rows and columns are padding, not content.
    while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.text === "")) rows.pop();
    return tableBlock(rows);
  }

  #row(row: XmlElement, header: boolean): SourceCell[] {
    const cells: SourceCell[] = [];
    for (const cell of elementChildren(row)) {
      if (cell.name !== "table:table-cell") continue;
      // Covered cells (under a span) are skipped: the table layout places cells around spans.
      const saved = this.blocks.length;
      this.container(cell);
      const text = this.blocks
        .splice(saved)
        .map((block) => block.text)
        .join("\n");
      const repeat = Math.min(intAttribute(cell, "table:number-columns-repeated") ?? 1, MAX_REPEAT);
      for (let copy = 0; copy < repeat; copy++)
        cells.push({
          text,
          columnSpan: intAttribute(cell, "table:number-columns-spanned") ?? 1,
          rowSpan: intAttribute(cell, "table:number-rows-spanned") ?? 1,
          header,
        });
    }
    while (
      cells.length > 1 &&
      cells[cells.length - 1]!.text === "" &&
      cells[cells.length - 1]!.columnSpan === 1
    )
      cells.pop();
    return cells;
  }

  /** The paragraph's block (when it has text), then the blocks of the frames anchored in it. */
  #paragraph(paragraph: XmlElement, make: (text: string) => Block): boolean {
    const { text, frames } = inline(paragraph);
    const clean = cleanText(text);
    if (clean !== "") this.blocks.push(make(clean));
    for (const frame of frames) this.#frame(frame);
    return clean !== "";
  }

  /** Images become figures; text boxes are read as content. */
  #frame(frame: XmlElement): void {
    const box = child(frame, "draw:text-box");
    if (box !== undefined) this.container(box);
    else if (child(frame, "draw:image") !== undefined || child(frame, "draw:object") !== undefined)
      this.blocks.push(figureBlock("image"));
  }
}

/**
 * A paragraph's text (spans and links read through, spaces/tabs/breaks expanded, notes left out) and
 * the frames (images, text boxes) anchored in it.
 */
function inline(element: XmlElement): { text: string; frames: XmlElement[] } {
  let text = "";
  const deferred: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const part of node.children) {
      if (typeof part === "string") {
        text += part;
        continue;
      }
      switch (part.name) {
        case "text:s":
          text += " ".repeat(Math.min(intAttribute(part, "text:c") ?? 1, 100));
          break;
        case "text:tab":
          text += "\t";
          break;
        case "text:line-break":
          text += "\n";
          break;
        case "text:note":
        case "office:annotation":
        case "text:bookmark-ref":
          break;
        case "draw:frame":
          deferred.push(part);
          break;
        case "draw:a":
          for (const frame of childrenNamed(part, "draw:frame")) deferred.push(frame);
          break;
        default:
          visit(part);
      }
    }
  };
  visit(element);
  return { text: checkboxGlyphsToMarks(text), frames: deferred };
}
