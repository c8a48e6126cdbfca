/**
 * DocumentSource for Word files (DOCX, DOTX) read natively from their OOXML parts: the body becomes
 * headings, paragraphs, list items, tables and figures (docx-body.ts); the section's header and footer
 * open and close every page (a distinct first-page header and footer, the first page). Pages have no geometry: a Word
 * file has no fixed layout, so the document is one page unless it carries explicit page breaks, where
 * pages are split. Real page geometry (sizes, boxes) needs rendering through LibreOffice to PDF
 * (advancedOptions.alwaysConvertToPdf), which is a separate path.
 */
import type { Block } from "../../document/block.ts";
import type { DocumentSource } from "../../document/document-source.ts";
import { emptyPage, type Page } from "../../document/page.ts";
import { decodeText } from "../text-document-source.ts";
import { type BodyContext, type BodyItem, blocksOf, PAGE_BREAK, readBody } from "./docx-body.ts";
import { mathToMarkdown } from "./docx-math.ts";
import { DocxNotes } from "./docx-notes.ts";
import { DocxNumbering, DocxStyles } from "./docx-styles.ts";
import { decodeHtml, htmlBlocks } from "./html-document-source.ts";
import { furnitureBlock, normalizeListLevels, textBlock } from "./office-blocks.ts";
import { chartText, diagramText } from "./office-chart.ts";
import { contentType, type OfficePackage, parsedPart, partText, relationships } from "./office-zip.ts";
import { child, childrenNamed, descendants, parseXml, type XmlElement } from "./xml-tree.ts";

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
    const notes = new DocxNotes(
      partText(pkg, siblingPart(main, "footnotes.xml")),
      partText(pkg, siblingPart(main, "endnotes.xml")),
    );
    const context: BodyContext = {
      noteReference: (kind, id) => notes.reference(kind, id),
      styles: new DocxStyles(partText(pkg, siblingPart(main, "styles.xml"))),
      numbering: new DocxNumbering(partText(pkg, siblingPart(main, "numbering.xml"))),
      changeTracking: options.changeTracking,
      readMath: mathToMarkdown,
      readAltChunk: (id) => {
        const target = mainRels.get(id)?.target;
        const bytes = target === undefined ? undefined : pkg.get(target);
        if (target === undefined || bytes === undefined) return [];
        const type = contentType(pkg, target) ?? "";
        if (type.includes("html") || /\.html?$/iu.test(target)) return htmlBlocks(decodeHtml(bytes));
        if (type.startsWith("text/plain") || /\.txt$/iu.test(target))
          return decodeText(bytes)
            .split(/\n\s*\n/u)
            .map((paragraph) => paragraph.trim())
            .filter((paragraph) => paragraph !== "")
            .map((paragraph) => textBlock(paragraph));
        return [];
      },
      readDiagram: (relIds) => {
        const target = mainRels.get(relIds.attributes["r:dm"] ?? "")?.target;
        const root = target === undefined ? undefined : parsedPart(pkg, target);
        return root === undefined ? "" : diagramText(root);
      },
      readChart: (chart) => {
        const target = mainRels.get(chart.attributes["r:id"] ?? "")?.target;
        const chartXml = target === undefined ? undefined : partText(pkg, target);
        return chartXml === undefined ? "" : chartText(parseXml(chartXml));
      },
    };
    const pages = splitPages(readBody(body, context));
    pages[pages.length - 1]!.push(
      ...notes.blocks((note) =>
        blocksOf(readBody(note, context))
          .map((block) => block.text)
          .join("\n"),
      ),
    );
    const furniture = sectionFurniture(pkg, main, body, context);
    for (const [index, page] of pages.entries()) {
      const first = index === 0 && furniture.titlePage;
      const header = first ? furniture.first.header : furniture.default.header;
      const footer = first ? furniture.first.footer : furniture.default.footer;
      if (header !== undefined) page.unshift(furnitureBlock("header", header));
      if (footer !== undefined) page.push(furnitureBlock("footer", footer));
    }
    return new DocxDocumentSource(pages);
  }

  async readPage(pageNumber: number): Promise<Page> {
    const blocks = this.#pages[pageNumber - 1];
    if (blocks === undefined) throw new RangeError(`The document has no page ${pageNumber}`);
    const page = emptyPage(pageNumber, null, null);
    page.blocks = normalizeListLevels(blocks);
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

interface Furniture {
  header: string | undefined;
  footer: string | undefined;
}

/**
 * The header and footer texts of the document's (last) section: the default ones, and the first-page
 * ones when the section has a distinct first page (w:titlePg), which then open the first page only.
 */
function sectionFurniture(
  pkg: OfficePackage,
  main: string,
  body: XmlElement,
  context: BodyContext,
): { default: Furniture; first: Furniture; titlePage: boolean } {
  const rels = relationships(pkg, main);
  const result = {
    default: { header: undefined, footer: undefined } as Furniture,
    first: { header: undefined, footer: undefined } as Furniture,
    titlePage: false,
  };
  const sections = descendants(body, "w:sectPr");
  const sectPr = child(body, "w:sectPr") ?? sections[sections.length - 1];
  if (sectPr === undefined) return result;
  const titlePg = child(sectPr, "w:titlePg");
  result.titlePage =
    titlePg !== undefined && titlePg.attributes["w:val"] !== "0" && titlePg.attributes["w:val"] !== "false";
  for (const [kind, element] of [
    ["header", "w:headerReference"],
    ["footer", "w:footerReference"],
  ] as const) {
    for (const reference of childrenNamed(sectPr, element)) {
      const type = reference.attributes["w:type"] ?? "default";
      if (type !== "default" && type !== "first") continue;
      const target = rels.get(reference.attributes["r:id"] ?? "")?.target;
      const xml = target === undefined ? undefined : partText(pkg, target);
      const root =
        xml === undefined ? undefined : child(parseXml(xml), kind === "header" ? "w:hdr" : "w:ftr");
      if (root === undefined) continue;
      const text = blocksOf(readBody(root, context))
        .filter((block) => block.type !== "figure")
        .map((block) => block.text)
        .join("\n")
        .trim();
      if (text !== "") result[type][kind] = text;
    }
  }
  return result;
}
