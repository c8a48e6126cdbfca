/**
 * DocumentSource for PowerPoint files (PPTX) read natively: one page per slide in presentation order
 * (presentation.xml's slide list), sized as the slides are (sldSz, in points). Shapes carry their real
 * boxes; they are read in reading order (XY-cut over the shapes' boxes, so side-by-side text boxes read
 * column by column) and each shape's paragraphs in their own order. Review comments follow, and speaker
 * notes close the slide as a "Notes:" paragraph; neither has a box (they are not on the slide).
 */
import type { Block } from "../../document/block.ts";
import type { DocumentSource } from "../../document/document-source.ts";
import { emptyPage, type Page } from "../../document/page.ts";
import { orderBlocks } from "../../reading-order/order-blocks.ts";
import { cleanText, normalizeListLevels, textBlock } from "./office-blocks.ts";
import { chartText, diagramText } from "./office-chart.ts";
import { contentType, type OfficePackage, parsedPart, partText, relationships } from "./office-zip.ts";
import { commentAuthors, commentBlocks } from "./pptx-comments.ts";
import {
  EMU_PER_POINT,
  type Placeholder,
  placeholderFrames,
  readShapeTree,
  type Shape,
} from "./pptx-shapes.ts";
import {
  child,
  childrenNamed,
  descendants,
  firstDescendant,
  intAttribute,
  parseXml,
  textOf,
  type XmlElement,
} from "./xml-tree.ts";

export class PptxDocumentSource implements DocumentSource {
  readonly stage = "ingest" as const;
  readonly #pkg: OfficePackage;
  readonly #slides: readonly string[];
  readonly #width: number | null;
  readonly #height: number | null;
  readonly #authors: ReturnType<typeof commentAuthors>;

  private constructor(
    pkg: OfficePackage,
    slides: readonly string[],
    width: number | null,
    height: number | null,
  ) {
    this.#pkg = pkg;
    this.#authors = commentAuthors(pkg);
    this.#slides = slides;
    this.#width = width;
    this.#height = height;
  }

  get pageCount(): number {
    return this.#slides.length;
  }

  /** Reads the slide list; throws when the package has no presentation part. */
  static open(pkg: OfficePackage, _options: { readonly changeTracking: boolean }): PptxDocumentSource {
    let main = "ppt/presentation.xml";
    for (const rel of relationships(pkg, "").values())
      if (rel.type.endsWith("/officeDocument") && !rel.external) main = rel.target;
    const xml = partText(pkg, main);
    if (xml === undefined) throw new Error(`The package has no presentation part (${main})`);
    const presentation = child(parseXml(xml), "p:presentation");
    if (presentation === undefined) throw new Error("The presentation part has no p:presentation element");
    const rels = relationships(pkg, main);
    const slides = childrenNamed(child(presentation, "p:sldIdLst"), "p:sldId").flatMap((sldId) => {
      const target = rels.get(sldId.attributes["r:id"] ?? "")?.target;
      return target !== undefined && pkg.has(target) ? [target] : [];
    });
    const size = child(presentation, "p:sldSz");
    const cx = intAttribute(size, "cx");
    const cy = intAttribute(size, "cy");
    return new PptxDocumentSource(
      pkg,
      slides,
      cx === undefined ? null : cx / EMU_PER_POINT,
      cy === undefined ? null : cy / EMU_PER_POINT,
    );
  }

  async readPage(pageNumber: number): Promise<Page> {
    const part = this.#slides[pageNumber - 1];
    if (part === undefined) throw new RangeError(`The presentation has no slide ${pageNumber}`);
    const page = emptyPage(pageNumber, this.#width, this.#height);
    page.blocks = readSlide(this.#pkg, part, this.#authors);
    return page;
  }

  async close(): Promise<void> {}
}

function readSlide(pkg: OfficePackage, part: string, authors: ReturnType<typeof commentAuthors>): Block[] {
  const xml = partText(pkg, part);
  if (xml === undefined) throw new Error(`Slide part ${part} is missing`);
  const tree = firstDescendant(parseXml(xml), "p:spTree");
  if (tree === undefined) return [];
  const rels = relationships(pkg, part);
  const layoutPart = [...rels.values()].find((rel) => rel.type.endsWith("/slideLayout"))?.target;
  const masterPart =
    layoutPart === undefined
      ? undefined
      : [...relationships(pkg, layoutPart).values()].find((rel) => rel.type.endsWith("/slideMaster"))?.target;
  const layout = placeholderFrames(spTreeOf(pkg, layoutPart));
  const master = placeholderFrames(spTreeOf(pkg, masterPart));
  const placeholderXfrm = (placeholder: Placeholder) =>
    (placeholder.idx === undefined ? undefined : layout.get(`idx:${placeholder.idx}`)) ??
    layout.get(`type:${placeholder.type}`) ??
    master.get(`type:${placeholder.type}`);
  const hasImage = (blip: XmlElement | undefined) => {
    const rel = rels.get(blip?.attributes["r:embed"] ?? blip?.attributes["r:link"] ?? "");
    if (rel === undefined) return false;
    return (
      rel.external || (pkg.has(rel.target) && (contentType(pkg, rel.target) ?? "image/").startsWith("image/"))
    );
  };
  const chart = (element: XmlElement) => {
    const target = rels.get(element.attributes["r:id"] ?? "")?.target;
    const xml = target === undefined ? undefined : partText(pkg, target);
    return xml === undefined ? "" : chartText(parseXml(xml));
  };
  const diagram = (relIds: XmlElement) => {
    const target = rels.get(relIds.attributes["r:dm"] ?? "")?.target;
    const root = target === undefined ? undefined : parsedPart(pkg, target);
    return root === undefined ? "" : diagramText(root);
  };
  const blocks = inReadingOrder(
    readShapeTree(tree, { placeholderXfrm, hasImage, chartText: chart, diagramText: diagram }),
  );
  blocks.push(...commentBlocks(pkg, rels, authors));
  const notesPart = [...rels.values()].find((rel) => rel.type.endsWith("/notesSlide"))?.target;
  const notes = notesPart === undefined ? "" : notesText(pkg, notesPart);
  if (notes !== "") blocks.push(textBlock(`Notes: ${notes}`));
  return normalizeListLevels(blocks);
}

function spTreeOf(pkg: OfficePackage, part: string | undefined): XmlElement | undefined {
  const root = part === undefined ? undefined : parsedPart(pkg, part);
  return root === undefined ? undefined : firstDescendant(root, "p:spTree");
}

/**
 * Shapes ordered by their boxes (XY-cut); a shape without a box stays behind the shape before it in the
 * tree (or first, when none precedes it). Blocks flattened.
 */
function inReadingOrder(shapes: readonly Shape[]): Block[] {
  const byProxy = new Map<Block, Shape[]>();
  const leading: Shape[] = [];
  let previous: Shape[] | undefined;
  const proxies: Block[] = [];
  for (const shape of shapes) {
    if (shape.box === null) {
      (previous ?? leading).push(shape);
      continue;
    }
    const proxy = textBlock("", shape.box);
    previous = [shape];
    byProxy.set(proxy, previous);
    proxies.push(proxy);
  }
  return [...leading, ...orderBlocks(proxies).flatMap((proxy) => byProxy.get(proxy)!)].flatMap(
    (shape) => shape.blocks,
  );
}

/** The notes page's body placeholder text (not the slide image or the slide number). */
function notesText(pkg: OfficePackage, part: string): string {
  const xml = partText(pkg, part);
  if (xml === undefined) return "";
  const texts: string[] = [];
  for (const shape of descendants(parseXml(xml), "p:sp")) {
    const ph = firstDescendant(shape, "p:ph");
    if (ph === undefined || (ph.attributes.type ?? "body") !== "body") continue;
    for (const paragraph of descendants(shape, "a:p")) {
      const text = cleanText(descendants(paragraph, "a:t").map(textOf).join(""));
      if (text !== "") texts.push(text);
    }
  }
  return texts.join("\n");
}
