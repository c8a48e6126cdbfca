/**
 * The block-level walk of a Word body (document, header, footer, table cell, text box): paragraphs
 * become text, heading or list-item blocks (styles and numbering decide), tables become table blocks
 * with their merged cells (gridSpan, vMerge) and header rows (tblHeader), drawings become figures, and
 * explicit page breaks are kept as markers between blocks.
 */
import type { Block } from "../../document/block.ts";
import { isMonospaceFontName, readsAsProgramText } from "../../document/program-text.ts";
import { type InlineContext, type InlineItem, readInline } from "./docx-inline.ts";
import type { DocxNumbering, DocxStyles } from "./docx-styles.ts";
import {
  checkboxGlyphsToMarks,
  cleanText,
  headingBlock,
  listItemBlock,
  type SourceCell,
  tableBlock,
  textBlock,
} from "./office-blocks.ts";
import { child, childrenNamed, descendants, intAttribute, textOf, type XmlElement } from "./xml-tree.ts";

export const PAGE_BREAK = "page-break";
export type BodyItem = Block | typeof PAGE_BREAK;

export interface BodyContext {
  readonly styles: DocxStyles;
  readonly numbering: DocxNumbering;
  readonly changeTracking: boolean;
  readonly readMath: (math: XmlElement, display?: boolean) => string;
  readonly readChart: (chart: XmlElement) => string;
  readonly noteReference: (kind: "footnote" | "endnote", id: string) => string;
  readonly readDiagram: (relIds: XmlElement) => string;
  /** Blocks of an altChunk part (by relationship id); none when it is not HTML or plain text. */
  readonly readAltChunk: (id: string) => Block[];
}

export function readBody(container: XmlElement, context: BodyContext): BodyItem[] {
  const items: BodyItem[] = [];
  for (const node of container.children) {
    if (typeof node === "string") continue;
    switch (node.name) {
      case "w:p":
        items.push(...readParagraph(node, context));
        break;
      case "w:tbl": {
        items.push(...readTable(node, context));
        break;
      }
      case "w:sdt": {
        const content = child(node, "w:sdtContent");
        if (content !== undefined) items.push(...readBody(content, context));
        break;
      }
      case "w:customXml":
      case "w:ins":
      case "w:moveTo":
        items.push(...readBody(node, context));
        break;
      case "w:altChunk":
        // Content imported from another format (HTML, in practice) and kept in its own part.
        items.push(...context.readAltChunk(node.attributes["r:id"] ?? ""));
        break;
      default:
        break;
    }
  }
  return joinCodeLines(items);
}

/**
 * Consecutive paragraphs that may be code (Word keeps each line of a listing as a paragraph) are one
 * listing when one of them is in a code style or together they read as a program
 * (document/program-text.ts: a memo typed in Courier is prose); otherwise they stay as they were.
 */
function joinCodeLines(items: readonly BodyItem[]): BodyItem[] {
  const joined: BodyItem[] = [];
  let run: Block[] = [];
  const close = () => {
    const lines = run.map((block) => codeLines.get(block)!);
    const text = lines.map((line) => line.text).join("\n");
    if (run.length > 0 && (lines.some((line) => line.codeStyle) || readsAsProgramText(text)))
      joined.push({ ...textBlock(text), code: true });
    else joined.push(...run);
    run = [];
  };
  for (const item of items) {
    if (item !== PAGE_BREAK && codeLines.has(item)) run.push(item);
    else {
      close();
      joined.push(item);
    }
  }
  close();
  return joined;
}

/** Blocks of the body items, page breaks dropped (table cells, text boxes). */
export function blocksOf(items: readonly BodyItem[]): Block[] {
  return items.filter((item): item is Block => item !== PAGE_BREAK);
}

function readParagraph(paragraph: XmlElement, context: BodyContext): BodyItem[] {
  const pPr = child(paragraph, "w:pPr");
  const styleId = child(pPr, "w:pStyle")?.attributes["w:val"];
  const inline: InlineContext = {
    changeTracking: context.changeTracking,
    readMath: isMathOnly(paragraph) ? (math) => context.readMath(math, true) : context.readMath,
    readChart: context.readChart,
    noteReference: context.noteReference,
    readDiagram: context.readDiagram,
    readTextBox: (content) => blocksOf(readBody(content, context)),
    styleFont: (id) => context.styles.font(id),
  };
  const items = readInline(paragraph, inline);
  const result: BodyItem[] = [];
  if (
    child(pPr, "w:pageBreakBefore") !== undefined &&
    child(pPr, "w:pageBreakBefore")?.attributes["w:val"] !== "0"
  )
    result.push(PAGE_BREAK);
  // The paragraph's own text, split where a page break or an anchored drawing interrupts it; the
  // paragraph's role (heading, list item) goes to its first text part.
  let pending: InlineItem[] = [];
  let first = true;
  const flush = () => {
    const code = codeLine(pending, styleId, context);
    const text = paragraphText(pending, context.changeTracking);
    pending = [];
    if (text === "") return;
    const block = first ? classify(text, pPr, styleId, context) : textBlock(text);
    if (code !== undefined && block.type === "text") codeLines.set(block, code);
    result.push(block);
    first = false;
  };
  for (const item of items) {
    if (item.kind === "text") pending.push(item);
    else if (item.kind === "page-break") {
      flush();
      result.push(PAGE_BREAK);
    } else {
      flush();
      result.push(...item.blocks);
    }
  }
  flush();
  return result;
}

/** Word's code styles ("Source Code", "HTML Preformatted", "Macro Text"), not "Source Reference". */
const CODE_STYLE = /\bcode\b|preformatted|macro text|verbatim/iu;

interface CodeLine {
  /** The paragraph's text as written (indentation kept). */
  readonly text: string;
  /** In one of Word's code styles: code whatever it says. */
  readonly codeStyle: boolean;
}

/** Paragraphs that may be lines of a listing (joinCodeLines decides), by their block. */
const codeLines = new WeakMap<Block, CodeLine>();

/**
 * A paragraph that may be a line of code: in a code style, or set wholly in a monospace font. Tracked
 * changes are read as accepted.
 */
function codeLine(
  items: readonly InlineItem[],
  styleId: string | undefined,
  context: BodyContext,
): CodeLine | undefined {
  const texts = items.filter((item) => item.kind === "text" && item.change !== "del");
  const raw = texts.map((item) => (item.kind === "text" ? item.text : "")).join("");
  if (raw.trim() === "") return undefined;
  const paragraphFont = context.styles.font(styleId);
  const monospace = texts.every(
    (item) =>
      item.kind === "text" && (item.text.trim() === "" || isMonospaceFontName(item.font ?? paragraphFont)),
  );
  const codeStyle = CODE_STYLE.test(context.styles.styleName(styleId) ?? "");
  if (!codeStyle && !monospace) return undefined;
  const text = raw
    .replace(/\u00a0/gu, " ")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/gu, "");
  return { text, codeStyle };
}

/** The paragraph holds equations and no text of its own: its equations are display equations. */
function isMathOnly(paragraph: XmlElement): boolean {
  let math = false;
  for (const node of paragraph.children) {
    if (typeof node === "string") continue;
    if (node.name === "m:oMath" || node.name === "m:oMathPara") math = true;
    else if (node.name === "w:r" && descendants(node, "w:t").some((t) => textOf(t).trim() !== ""))
      return false;
    else if (node.name === "w:hyperlink" || node.name === "w:ins" || node.name === "w:smartTag") return false;
  }
  return math;
}

/** Accepted text (insertions kept, deletions dropped), or with change tracking the marked-up changes. */
function paragraphText(items: readonly InlineItem[], changeTracking: boolean): string {
  let text = "";
  let open: { ins: string; del: string } | undefined;
  const close = () => {
    if (open === undefined) return;
    const ins = cleanInline(open.ins);
    const del = cleanInline(open.del);
    if (ins !== "" || del !== "")
      text += `<change>${ins === "" ? "" : `<ins>${ins}</ins>`}${del === "" ? "" : `<del>${del}</del>`}</change>`;
    open = undefined;
  };
  for (const item of items) {
    if (item.kind !== "text") continue;
    if (item.change === undefined || !changeTracking) {
      close();
      if (item.change !== "del") text += item.text;
      continue;
    }
    open ??= { ins: "", del: "" };
    open[item.change] += item.text;
  }
  close();
  return cleanText(checkboxGlyphsToMarks(text));
}

function cleanInline(text: string): string {
  return checkboxGlyphsToMarks(text).replace(/\s+/gu, " ").trim();
}

function classify(
  text: string,
  pPr: XmlElement | undefined,
  styleId: string | undefined,
  context: BodyContext,
): Block {
  const outline = intAttribute(child(pPr, "w:outlineLvl"), "w:val");
  const level = context.styles.headingLevel(styleId, outline);
  const numPr = child(pPr, "w:numPr");
  const direct = child(numPr, "w:numId")?.attributes["w:val"];
  const numbering =
    direct !== undefined
      ? { numId: direct, ilvl: intAttribute(child(numPr, "w:ilvl"), "w:val") ?? 0 }
      : context.styles.numbering(styleId);
  const marker =
    numbering === undefined || numbering.numId === "0"
      ? undefined
      : context.numbering.next(numbering.numId, numbering.ilvl);
  if (level !== undefined) {
    // A numbered heading ("1.2 Scope") keeps its number: it is how the document refers to it.
    const heading = text.replace(/\s*\n\s*/gu, " ");
    return headingBlock(marker?.ordered === true ? `${marker.marker} ${heading}` : heading, level);
  }
  if (marker !== undefined) return listItemBlock(text, marker);
  // A paragraph led by a checkbox is a task-list item ("- [x] Done"), as markdown writes one.
  if (/^\[[ x]\] /u.test(text)) return listItemBlock(text, { marker: "-", ordered: false, level: 0 });
  return textBlock(text);
}

interface GridCell {
  readonly column: number;
  readonly columnSpan: number;
  rowSpan: number;
  readonly text: string;
  readonly header: boolean;
}

/**
 * A table block; a table of a single cell is a frame around content (a layout device, not data), so
 * its content's blocks are returned instead.
 */
function readTable(table: XmlElement, context: BodyContext): Block[] {
  const rows: GridCell[][] = [];
  const cellBlocks: Block[][] = [];
  for (const tr of childrenNamed(table, "w:tr").concat(nestedRows(table))) {
    const trPr = child(tr, "w:trPr");
    const header =
      child(trPr, "w:tblHeader") !== undefined && child(trPr, "w:tblHeader")?.attributes["w:val"] !== "0";
    const row: GridCell[] = [];
    let column = intAttribute(child(trPr, "w:gridBefore"), "w:val") ?? 0;
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, "w:tcPr");
      const columnSpan = Math.max(1, intAttribute(child(tcPr, "w:gridSpan"), "w:val") ?? 1);
      const vMerge = child(tcPr, "w:vMerge");
      if (vMerge !== undefined && vMerge.attributes["w:val"] !== "restart") {
        // A continuation: the cell above in this grid column grows by a row.
        const above = findAbove(rows, column);
        if (above !== undefined) {
          above.rowSpan++;
          column += columnSpan;
          continue;
        }
      }
      const blocks = blocksOf(readBody(tc, context));
      cellBlocks.push(blocks);
      const text = blocks.map((block) => block.text).join("\n");
      row.push({ column, columnSpan, rowSpan: 1, text, header });
      column += columnSpan;
    }
    rows.push(row);
  }
  // Grid positions before a row's first cell (gridBefore) or between cells become empty cells.
  const sourceRows = rows.map((row, rowIndex) => {
    const cells: SourceCell[] = [];
    let column = 0;
    for (const cell of row) {
      while (column < cell.column) {
        if (!coveredFromAbove(rows, rowIndex, column))
          cells.push({ text: "", columnSpan: 1, rowSpan: 1, header: cell.header });
        column++;
      }
      cells.push(cell);
      column = cell.column + cell.columnSpan;
    }
    return cells;
  });
  if (rows.length === 1 && cellBlocks.length === 1 && rows[0]![0]?.columnSpan === 1) return cellBlocks[0]!;
  const block = tableBlock(sourceRows);
  return block === undefined ? [] : [block];
}

/** Rows wrapped in content controls or custom XML (w:sdt/w:sdtContent/w:tr). */
function nestedRows(table: XmlElement): XmlElement[] {
  const rows: XmlElement[] = [];
  for (const wrapper of [...childrenNamed(table, "w:sdt"), ...childrenNamed(table, "w:customXml")])
    rows.push(...childrenNamed(child(wrapper, "w:sdtContent") ?? wrapper, "w:tr"));
  return rows;
}

function cellsOf(tr: XmlElement): XmlElement[] {
  const cells: XmlElement[] = [];
  for (const node of tr.children) {
    if (typeof node === "string") continue;
    if (node.name === "w:tc") cells.push(node);
    else if (node.name === "w:sdt" || node.name === "w:customXml")
      cells.push(...childrenNamed(child(node, "w:sdtContent") ?? node, "w:tc"));
  }
  return cells;
}

function findAbove(rows: readonly GridCell[][], column: number): GridCell | undefined {
  for (let index = rows.length - 1; index >= 0; index--) {
    const cell = rows[index]!.find((candidate) => candidate.column === column);
    if (cell !== undefined) return cell;
  }
  return undefined;
}

function coveredFromAbove(rows: readonly GridCell[][], rowIndex: number, column: number): boolean {
  for (let index = 0; index < rowIndex; index++)
    for (const cell of rows[index]!)
      if (cell.column <= column && column < cell.column + cell.columnSpan && index + cell.rowSpan > rowIndex)
        return true;
  return false;
}
