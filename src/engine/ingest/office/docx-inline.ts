/**
 * A Word paragraph's inline content in reading order: run text (hyperlinks, fields, smart tags and
 * content controls read through), tracked insertions and deletions, checkboxes, explicit page breaks,
 * and the drawings anchored in it (pictures and charts become figures; text boxes are read as body
 * content by the caller's `readTextBox`).
 */
import type { Block } from "../../document/block.ts";
import { fontOf } from "./docx-styles.ts";
import { figureBlock } from "./office-blocks.ts";
import { child, firstDescendant, localName, textOf, type XmlElement } from "./xml-tree.ts";

export type InlineItem =
  | {
      readonly kind: "text";
      readonly text: string;
      readonly change?: "ins" | "del";
      /** The font the run sets itself or by its character style; absent: the paragraph style's. */
      readonly font?: string;
    }
  | { readonly kind: "page-break" }
  | { readonly kind: "blocks"; readonly blocks: readonly Block[] };

export interface InlineContext {
  /** formattingDetection change_tracking: keep deletions and mark both kinds of change. */
  readonly changeTracking: boolean;
  /** Blocks of a text box's content (w:txbxContent), read like the document body. */
  readonly readTextBox: (content: XmlElement) => Block[];
  /** A c:chart reference → its figure text (office-chart.ts). */
  readonly readChart: (chart: XmlElement) => string;
  /** A SmartArt dgm:relIds → its node text, one per line. */
  readonly readDiagram: (relIds: XmlElement) => string;
  /** A footnote or endnote reference → its mark in the text ("[^1]"); "" when the note is unknown. */
  readonly noteReference: (kind: "footnote" | "endnote", id: string) => string;
  /** OMML equation → text to show (LaTeX when the caller can). */
  readonly readMath: (math: XmlElement) => string;
  /** The font a character style sets (w:rStyle), if any. */
  readonly styleFont?: (styleId: string) => string | undefined;
}

/** Checkbox glyphs of the Wingdings fonts (w:sym), by font and character code (low byte). */
const SYMBOL_CHECKBOXES: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  wingdings: { 111: "[ ]", 168: "[ ]", 113: "[ ]", 120: "[x]", 253: "[x]", 254: "[x]" },
  "wingdings 2": { 163: "[ ]", 42: "[ ]", 82: "[x]", 83: "[x]", 84: "[x]", 81: "[x]" },
};

function symbolCheckbox(font: string, code: string): string | undefined {
  const value = Number.parseInt(code, 16);
  if (!Number.isFinite(value)) return undefined;
  return SYMBOL_CHECKBOXES[font.toLowerCase()]?.[value & 0xff];
}

export function readInline(paragraph: XmlElement, context: InlineContext): InlineItem[] {
  const items: InlineItem[] = [];
  walk(paragraph, context, undefined, items);
  return items;
}

function walk(
  element: XmlElement,
  context: InlineContext,
  change: "ins" | "del" | undefined,
  items: InlineItem[],
  font?: string,
): void {
  const pushText = (items: InlineItem[], text: string, change: "ins" | "del" | undefined) =>
    pushFontText(items, text, change, font);
  for (const node of element.children) {
    if (typeof node === "string") continue;
    switch (node.name) {
      case "w:pPr":
      case "w:rPr":
      case "w:instrText":
      case "w:delInstrText":
      case "w:commentRangeStart":
      case "w:commentRangeEnd":
      case "w:commentReference":
      case "w:bookmarkStart":
      case "w:bookmarkEnd":
      case "w:proofErr":
      case "w:lastRenderedPageBreak":
        break;
      case "w:t":
        pushText(items, textOf(node), change);
        break;
      case "w:footnoteReference":
      case "w:endnoteReference":
        pushText(
          items,
          context.noteReference(
            node.name === "w:footnoteReference" ? "footnote" : "endnote",
            node.attributes["w:id"] ?? "",
          ),
          change,
        );
        break;
      case "w:delText":
        pushText(items, textOf(node), change ?? "del");
        break;
      case "w:tab":
      case "w:ptab":
        pushText(items, "\t", change);
        break;
      case "w:br":
        if (node.attributes["w:type"] === "page") items.push({ kind: "page-break" });
        else pushText(items, "\n", change);
        break;
      case "w:cr":
        pushText(items, "\n", change);
        break;
      case "w:sym": {
        const mark = symbolCheckbox(node.attributes["w:font"] ?? "", node.attributes["w:char"] ?? "");
        if (mark !== undefined) pushText(items, mark, change);
        break;
      }
      case "w:noBreakHyphen":
        pushText(items, "-", change);
        break;
      case "w:r": {
        const rPr = child(node, "w:rPr");
        const style = child(rPr, "w:rStyle")?.attributes["w:val"];
        const runFont = fontOf(rPr) ?? (style === undefined ? undefined : context.styleFont?.(style));
        walk(node, context, change, items, runFont ?? font);
        break;
      }
      case "w:ins":
      case "w:moveTo":
        walk(node, context, "ins", items, font);
        break;
      case "w:del":
      case "w:moveFrom":
        walk(node, context, "del", items, font);
        break;
      case "w:sdt":
        readContentControl(node, context, change, items, font);
        break;
      case "w:drawing":
      case "w:pict":
      case "w:object":
        items.push({ kind: "blocks", blocks: drawingBlocks(node, context) });
        break;
      case "mc:AlternateContent": {
        // The Choice is the modern markup (DrawingML), the Fallback its VML twin: read one of them.
        const choice = child(node, "mc:Choice") ?? child(node, "mc:Fallback");
        if (choice !== undefined) walk(choice, context, change, items, font);
        break;
      }
      case "m:oMath":
      case "m:oMathPara":
        pushText(items, context.readMath(node), change);
        break;
      default:
        // Hyperlinks, smart tags, simple fields, custom XML: their content is the paragraph's.
        walk(node, context, change, items, font);
    }
  }
}

function pushFontText(
  items: InlineItem[],
  text: string,
  change: "ins" | "del" | undefined,
  font: string | undefined,
): void {
  if (text === "") return;
  const last = items[items.length - 1];
  if (last?.kind === "text" && last.change === change && last.font === font)
    items[items.length - 1] = { ...last, text: last.text + text };
  else
    items.push({
      kind: "text",
      text,
      ...(change === undefined ? {} : { change }),
      ...(font === undefined ? {} : { font }),
    });
}

/** A checkbox content control shows as [x] / [ ]; any other control's content is read through. */
function readContentControl(
  sdt: XmlElement,
  context: InlineContext,
  change: "ins" | "del" | undefined,
  items: InlineItem[],
  font: string | undefined,
): void {
  const checkbox = firstDescendant(child(sdt, "w:sdtPr") ?? sdt, "w14:checkbox");
  if (checkbox !== undefined) {
    const checked = child(checkbox, "w14:checked")?.attributes["w14:val"];
    pushFontText(items, checked === "1" || checked === "true" ? "[x]" : "[ ]", change, font);
    return;
  }
  const content = child(sdt, "w:sdtContent");
  if (content !== undefined) walk(content, context, change, items, font);
}

/** Pictures and charts → figure blocks; text boxes → their content's blocks; groups → both, in order. */
function drawingBlocks(drawing: XmlElement, context: InlineContext): Block[] {
  const blocks: Block[] = [];
  let figure = false;
  const visit = (node: XmlElement) => {
    for (const next of node.children) {
      if (typeof next === "string") continue;
      const name = localName(next);
      if (next.name === "mc:AlternateContent") {
        const choice = child(next, "mc:Choice") ?? child(next, "mc:Fallback");
        if (choice !== undefined) visit(choice);
      } else if (name === "txbxContent") blocks.push(...context.readTextBox(next));
      else if (next.name === "c:chart") {
        blocks.push(figureBlock("chart", context.readChart(next)));
        figure = true;
      } else if (next.name === "cx:chart") {
        // A chartex chart (waterfall, treemap, …): its data model is not read, only its presence.
        blocks.push(figureBlock("chart"));
        figure = true;
      } else if (next.name === "dgm:relIds") {
        blocks.push(figureBlock("diagram", context.readDiagram(next)));
        figure = true;
      } else if (name === "pic" || next.name === "v:imagedata" || next.name === "o:OLEObject") {
        blocks.push(figureBlock("image"));
        figure = true;
      } else visit(next);
    }
  };
  visit(drawing);
  // A shape with neither text nor a picture (lines, arrows) is not content.
  return figure || blocks.length > 0 ? blocks : [];
}
