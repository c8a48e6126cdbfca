/**
 * The content of one PowerPoint shape tree (a slide, or a group inside it) as positioned shapes: text
 * shapes (title placeholders → headings, bullet levels → list items), tables (a:tbl with spans),
 * pictures and charts (figures). Positions come from the shape's a:xfrm, or for placeholders without
 * one from the layout/master placeholder of the same index or type; group transforms are applied.
 * Units: EMU in, points out (12,700 EMU per point).
 */
import type { Block } from "../../document/block.ts";
import type { Box } from "../../document/box.ts";
import { formatNumber } from "./docx-styles.ts";
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
import { child, childrenNamed, firstDescendant, intAttribute, textOf, type XmlElement } from "./xml-tree.ts";

export const EMU_PER_POINT = 12_700;

/** A shape's blocks with the shape's box (null when neither it nor its placeholder has a position). */
export interface Shape {
  readonly box: Box | null;
  readonly blocks: Block[];
}

export interface Placeholder {
  readonly type: string;
  readonly idx: string | undefined;
}

export interface ShapeContext {
  /** The xfrm a placeholder inherits from the slide's layout or master, if any. */
  readonly placeholderXfrm: (placeholder: Placeholder) => XmlElement | undefined;
  /** The chart part a c:chart element refers to, as figure text (office-chart.ts). */
  readonly chartText: (chart: XmlElement) => string;
  /** SmartArt text (one node per line) of a dgm:relIds element's data part. */
  readonly diagramText: (relIds: XmlElement) => string;
  /** The picture's a:blip refers to an image the package holds (or links to). */
  readonly hasImage: (blip: XmlElement | undefined) => boolean;
}

/** Maps child coordinates of a group to slide coordinates (identity at the top level). */
type Transform = (x: number, y: number) => { x: number; y: number };
const IDENTITY: Transform = (x, y) => ({ x, y });

export function readShapeTree(
  tree: XmlElement,
  context: ShapeContext,
  transform: Transform = IDENTITY,
): Shape[] {
  const shapes: Shape[] = [];
  for (const node of tree.children) {
    if (typeof node === "string") continue;
    switch (node.name) {
      case "p:sp": {
        const shape = readTextShape(node, context, transform);
        if (shape !== undefined) shapes.push(shape);
        break;
      }
      case "p:graphicFrame": {
        const shape = readGraphicFrame(node, context, transform);
        if (shape !== undefined) shapes.push(shape);
        break;
      }
      case "p:pic":
        // A picture whose image is missing (no blip, a dangling relationship, a part that is not an
        // image) shows nothing: not a figure.
        if (context.hasImage(firstDescendant(node, "a:blip"))) {
          const box = boxOf(child(child(node, "p:spPr"), "a:xfrm"), transform);
          shapes.push({ box, blocks: [figureBlock("image", "", box)] });
        }
        break;
      case "p:grpSp":
        shapes.push(
          ...readShapeTree(
            node,
            context,
            groupTransform(child(child(node, "p:grpSpPr"), "a:xfrm"), transform),
          ),
        );
        break;
      case "mc:AlternateContent": {
        const choice = child(node, "mc:Choice") ?? child(node, "mc:Fallback");
        if (choice !== undefined) shapes.push(...readShapeTree(choice, context, transform));
        break;
      }
      default:
        break;
    }
  }
  return shapes;
}

function placeholderOf(shape: XmlElement): Placeholder | undefined {
  const ph = firstDescendant(child(shape, "p:nvSpPr") ?? shape, "p:ph");
  if (ph === undefined) return undefined;
  return { type: ph.attributes.type ?? "body", idx: ph.attributes.idx };
}

function readTextShape(shape: XmlElement, context: ShapeContext, transform: Transform): Shape | undefined {
  const body = child(shape, "p:txBody");
  if (body === undefined) return undefined;
  const placeholder = placeholderOf(shape);
  const xfrm =
    child(child(shape, "p:spPr"), "a:xfrm") ??
    (placeholder === undefined ? undefined : context.placeholderXfrm(placeholder));
  const box = boxOf(xfrm, transform);
  const title = placeholder?.type === "title" || placeholder?.type === "ctrTitle";
  if (title) {
    const text = paragraphsOf(body)
      .map((paragraph) => paragraph.text)
      .filter((text) => text !== "")
      .join(" ");
    return { box, blocks: text === "" ? [] : [headingBlock(text, 1, box)] };
  }
  const furniture = FURNITURE[placeholder?.type ?? ""];
  if (furniture !== undefined) {
    const text = paragraphsOf(body)
      .map((paragraph) => paragraph.text)
      .filter((text) => text !== "")
      .join(" ");
    return { box, blocks: text === "" ? [] : [{ type: furniture, text, box, lines: [] }] };
  }
  return { box, blocks: textBlocks(body, box, placeholder?.type === "body") };
}

/** Slide-number, footer and date placeholders are page furniture, not slide content. */
const FURNITURE: Readonly<Record<string, "page_number" | "footer">> = {
  sldNum: "page_number",
  ftr: "footer",
  dt: "footer",
};

interface Paragraph {
  readonly text: string;
  readonly level: number;
  /** Explicit bullet (buChar), numbering (buAutoNum), explicitly none (buNone), or inherited. */
  readonly bullet:
    | { kind: "char" }
    | { kind: "auto"; scheme: string; start: number }
    | { kind: "none" }
    | undefined;
}

function paragraphsOf(body: XmlElement): Paragraph[] {
  return childrenNamed(body, "a:p").map((p) => {
    const pPr = child(p, "a:pPr");
    let text = "";
    for (const node of p.children) {
      if (typeof node === "string") continue;
      if (node.name === "a:r" || node.name === "a:fld")
        text += textOf(child(node, "a:t") ?? { name: "", attributes: {}, children: [] });
      else if (node.name === "a:br") text += "\n";
    }
    const auto = child(pPr, "a:buAutoNum");
    const bullet: Paragraph["bullet"] =
      child(pPr, "a:buNone") !== undefined
        ? { kind: "none" }
        : auto !== undefined
          ? {
              kind: "auto",
              scheme: auto.attributes.type ?? "arabicPeriod",
              start: intAttribute(auto, "startAt") ?? 1,
            }
          : child(pPr, "a:buChar") !== undefined || child(pPr, "a:buBlip") !== undefined
            ? { kind: "char" }
            : undefined;
    return { text: cleanText(checkboxGlyphsToMarks(text)), level: intAttribute(pPr, "lvl") ?? 0, bullet };
  });
}

/**
 * Paragraphs of a text shape: list items where the paragraph has a bullet or numbering (in a body
 * placeholder bullets are the default: its paragraphs are items unless they say buNone), else text.
 */
function textBlocks(body: XmlElement, box: Box | null, bodyPlaceholder: boolean): Block[] {
  const blocks: Block[] = [];
  const counters: number[] = [];
  for (const paragraph of paragraphsOf(body)) {
    if (paragraph.text === "") continue;
    const { bullet, level } = paragraph;
    const listed =
      bullet?.kind === "char" || bullet?.kind === "auto" || (bullet === undefined && bodyPlaceholder);
    if (!listed) {
      counters.length = 0;
      blocks.push(textBlock(paragraph.text, box));
      continue;
    }
    counters.length = level + 1;
    if (bullet?.kind === "auto") {
      counters[level] = counters[level] === undefined ? bullet.start : counters[level]! + 1;
      const marker = autoNumber(counters[level]!, bullet.scheme);
      blocks.push(listItemBlock(paragraph.text, { marker, ordered: true, level }, box));
    } else blocks.push(listItemBlock(paragraph.text, { marker: "-", ordered: false, level }, box));
  }
  return blocks;
}

/** DrawingML auto-number schemes ("arabicPeriod", "alphaLcParenR", "romanUcPeriod", …). */
function autoNumber(value: number, scheme: string): string {
  const format = scheme.startsWith("alphaLc")
    ? "lowerLetter"
    : scheme.startsWith("alphaUc")
      ? "upperLetter"
      : scheme.startsWith("romanLc")
        ? "lowerRoman"
        : scheme.startsWith("romanUc")
          ? "upperRoman"
          : "decimal";
  const number = formatNumber(value, format);
  if (scheme.endsWith("ParenBoth")) return `(${number})`;
  if (scheme.endsWith("ParenR")) return `${number})`;
  return `${number}.`;
}

function readGraphicFrame(frame: XmlElement, context: ShapeContext, transform: Transform): Shape | undefined {
  const box = boxOf(child(frame, "p:xfrm"), transform);
  const data = firstDescendant(frame, "a:graphicData");
  if (data === undefined) return undefined;
  const table = child(data, "a:tbl");
  if (table !== undefined) {
    const block = readTable(table, box);
    return block === undefined ? undefined : { box, blocks: [block] };
  }
  const uri = data.attributes.uri ?? "";
  const chart = firstDescendant(data, "c:chart");
  if (/\/chart(ex)?$/u.test(uri) || chart !== undefined)
    return { box, blocks: [figureBlock("chart", chart === undefined ? "" : context.chartText(chart), box)] };
  if (uri.endsWith("/diagram")) {
    // SmartArt: its text lives in the diagram's data part.
    const relIds = firstDescendant(data, "dgm:relIds");
    const text = relIds === undefined ? "" : context.diagramText(relIds);
    return { box, blocks: [figureBlock("diagram", text, box)] };
  }
  return { box, blocks: [figureBlock("image", "", box)] };
}

function readTable(table: XmlElement, box: Box | null): Block | undefined {
  const firstRowHeader = child(table, "a:tblPr")?.attributes.firstRow === "1";
  const rows: SourceCell[][] = childrenNamed(table, "a:tr").map((tr, rowIndex) => {
    const cells: SourceCell[] = [];
    for (const tc of childrenNamed(tr, "a:tc")) {
      // Positions a spanning cell covers are written as hMerge/vMerge cells: not cells of their own.
      if (tc.attributes.hMerge === "1" || tc.attributes.vMerge === "1") continue;
      const body = child(tc, "a:txBody");
      const text =
        body === undefined
          ? ""
          : paragraphsOf(body)
              .map((p) => p.text)
              .filter((t) => t !== "")
              .join("\n");
      cells.push({
        text,
        columnSpan: intAttribute(tc, "gridSpan") ?? 1,
        rowSpan: intAttribute(tc, "rowSpan") ?? 1,
        header: firstRowHeader && rowIndex === 0,
      });
    }
    return cells;
  });
  return tableBlock(rows, box);
}

function boxOf(xfrm: XmlElement | undefined, transform: Transform): Box | null {
  const off = child(xfrm, "a:off");
  const ext = child(xfrm, "a:ext");
  if (off === undefined || ext === undefined) return null;
  const start = transform(intAttribute(off, "x") ?? 0, intAttribute(off, "y") ?? 0);
  const end = transform(
    (intAttribute(off, "x") ?? 0) + (intAttribute(ext, "cx") ?? 0),
    (intAttribute(off, "y") ?? 0) + (intAttribute(ext, "cy") ?? 0),
  );
  return {
    left: start.x / EMU_PER_POINT,
    top: start.y / EMU_PER_POINT,
    right: end.x / EMU_PER_POINT,
    bottom: end.y / EMU_PER_POINT,
  };
}

/** A group's child coordinates (chOff/chExt) mapped onto its own frame (off/ext), then the parent's. */
function groupTransform(xfrm: XmlElement | undefined, parent: Transform): Transform {
  const off = child(xfrm, "a:off");
  const ext = child(xfrm, "a:ext");
  const chOff = child(xfrm, "a:chOff");
  const chExt = child(xfrm, "a:chExt");
  if (off === undefined || ext === undefined || chOff === undefined || chExt === undefined) return parent;
  const scaleX =
    (intAttribute(chExt, "cx") ?? 0) === 0 ? 1 : (intAttribute(ext, "cx") ?? 0) / intAttribute(chExt, "cx")!;
  const scaleY =
    (intAttribute(chExt, "cy") ?? 0) === 0 ? 1 : (intAttribute(ext, "cy") ?? 0) / intAttribute(chExt, "cy")!;
  return (x, y) =>
    parent(
      (intAttribute(off, "x") ?? 0) + (x - (intAttribute(chOff, "x") ?? 0)) * scaleX,
      (intAttribute(off, "y") ?? 0) + (y - (intAttribute(chOff, "y") ?? 0)) * scaleY,
    );
}

/** Placeholders of a layout or master part by idx and by type, with their xfrm. */
export function placeholderFrames(tree: XmlElement | undefined): Map<string, XmlElement> {
  const frames = new Map<string, XmlElement>();
  if (tree === undefined) return frames;
  for (const shape of childrenNamed(tree, "p:sp")) {
    const placeholder = placeholderOf(shape);
    const xfrm = child(child(shape, "p:spPr"), "a:xfrm");
    if (placeholder === undefined || xfrm === undefined) continue;
    if (placeholder.idx !== undefined && !frames.has(`idx:${placeholder.idx}`))
      frames.set(`idx:${placeholder.idx}`, xfrm);
    if (!frames.has(`type:${placeholder.type}`)) frames.set(`type:${placeholder.type}`, xfrm);
  }
  return frames;
}
