/**
 * DocumentSource for Word files (DOCX, DOTX) read natively from their OOXML parts: the body becomes
 * headings, paragraphs, list items, tables and figures (docx-body.ts); the default header and footer of
 * the document's sections open the first page and close the last one. Pages have no geometry: a Word
 * file has no fixed layout, so the document is one page unless it carries explicit page breaks, where
 * pages are split. Real page geometry (sizes, boxes) needs rendering through LibreOffice to PDF
 * (advancedOptions.alwaysConvertToPdf), which is a separate path.
 */
import type { Block } from "../../document/block.ts";
import type { DocumentSource } from "../../document/document-source.ts";
import { emptyPage, type Page } from "../../document/page.ts";
import { type BodyContext, type BodyItem, blocksOf, PAGE_BREAK, readBody } from "./docx-body.ts";
import { mathToMarkdown } from "./docx-math.ts";
import { DocxNumbering, DocxStyles } from "./docx-styles.ts";
import { furnitureBlock } from "./office-blocks.ts";
import { chartText } from "./office-chart.ts";
import { type OfficePackage, partText, relationships } from "./office-zip.ts";
import { child, descendants, parseXml, type XmlElement } from "./xml-tree.ts";

export interface OfficeOpenOptions {
  /** advancedOptions.formattingDetection asks for change_tracking. */
  readonly changeTracking: boolean;
}

export class DocxDocumentSource implements DocumentSource {
  readonly stage = "ingest" as const;
  readonly #pages: readonly Block[][];

  private constructor(pages: readonly Block[][]) {
    this.#pages = pages;
  }

  get pageCount(): number {
    return this.#pages.length;
  }

  /** Reads the package's main document; throws when it has none (not a Word file, or damaged). */
  static open(pkg: OfficePackage, options: OfficeOpenOptions): DocxDocumentSource {
    const main = mainPart(pkg);
    const xml = partText(pkg, main);
    if (xml === undefined) throw new Error(`The package has no main document part (${main})`);
    const body = child(child(parseXml(xml), "w:document"), "w:body");
    if (body === undefined) throw new Error("The main document part has no body");
    const mainRels = relationships(pkg, main);
    const context: BodyContext = {
      styles: new DocxStyles(partText(pkg, siblingPart(main, "styles.xml"))),
      numbering: new DocxNumbering(partText(pkg, siblingPart(main, "numbering.xml"))),
      changeTracking: options.changeTracking,
      readMath: mathToMarkdown,
      readChart: (chart) => {
        const target = mainRels.get(chart.attributes["r:id"] ?? "")?.target;
        const chartXml = target === undefined ? undefined : partText(pkg, target);
        return chartXml === undefined ? "" : chartText(parseXml(chartXml));
      },
    };
    const pages = splitPages(readBody(body, context));
    const furniture = sectionFurniture(pkg, main, body, context);
    pages[0]!.unshift(...furniture.header);
    pages[pages.length - 1]!.push(...furniture.footer);
    return new DocxDocumentSource(pages);
  }

  async readPage(pageNumber: number): Promise<Page> {
    const blocks = this.#pages[pageNumber - 1];
    if (blocks === undefined) throw new RangeError(`The document has no page ${pageNumber}`);
    const page = emptyPage(pageNumber, null, null);
    page.blocks = [...blocks];
    return page;
  }

  async close(): Promise<void> {}
}

/** The officeDocument relationship's target (word/document.xml in practice). */
function mainPart(pkg: OfficePackage): string {
  for (const rel of relationships(pkg, "").values())
    if (rel.type.endsWith("/officeDocument") && !rel.external) return rel.target;
  return "word/document.xml";
}

function siblingPart(part: string, name: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? name : `${part.slice(0, slash)}/${name}`;
}

/** Pages split at explicit page breaks; empty pages (a break at the very end) are dropped. */
function splitPages(items: readonly BodyItem[]): Block[][] {
  const pages: Block[][] = [[]];
  for (const item of items) {
    if (item === PAGE_BREAK) pages.push([]);
    else pages[pages.length - 1]!.push(item);
  }
  const kept = pages.filter((page) => page.length > 0);
  return kept.length === 0 ? [[]] : kept;
}

/**
 * The headers and footers the sections reference (default and first-page ones), each distinct text
 * once, as header and footer blocks.
 */
function sectionFurniture(
  pkg: OfficePackage,
  main: string,
  body: XmlElement,
  context: BodyContext,
): { header: Block[]; footer: Block[] } {
  const rels = relationships(pkg, main);
  const result = { header: [] as Block[], footer: [] as Block[] };
  const seen = new Set<string>();
  for (const sectPr of descendants(body, "w:sectPr")) {
    for (const [kind, element] of [
      ["header", "w:headerReference"],
      ["footer", "w:footerReference"],
    ] as const) {
      for (const reference of descendants(sectPr, element)) {
        if (reference.attributes["w:type"] === "even") continue;
        const target = rels.get(reference.attributes["r:id"] ?? "")?.target;
        const xml = target === undefined ? undefined : partText(pkg, target);
        if (xml === undefined) continue;
        const root = child(parseXml(xml), kind === "header" ? "w:hdr" : "w:ftr");
        if (root === undefined) continue;
        const text = blocksOf(readBody(root, context))
          .filter((block) => block.type !== "figure")
          .map((block) => block.text)
          .join("\n")
          .trim();
        if (text === "" || seen.has(`${kind}:${text}`)) continue;
        seen.add(`${kind}:${text}`);
        result[kind].push(furnitureBlock(kind, text));
      }
    }
  }
  return result;
}
