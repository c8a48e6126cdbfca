/**
 * The ordered stage list: ingest (open the source) → [per page: layout] → chunking → render. Reading a
 * page (the PDF text layer) is the source's job inside the page loop; later page stages (OCR, tables,
 * reading order) slot in beside layout.
 */
import { chunkDocument } from "../chunking/chunk-document.ts";
import { openDocumentSource } from "../ingest/open-document-source.ts";
import { groupLines } from "../layout/group-lines.ts";
import { groupParagraphs } from "../layout/group-paragraphs.ts";
import { renderOutput } from "../render/wire-output.ts";
import type { DocumentStage, PageStage, Stage } from "./stage.ts";

export const ingestStage: DocumentStage = {
  id: "ingest",
  scope: "document",
  async run(context) {
    const { format, password, maxPages } = context.options;
    const opened = await openDocumentSource(context.bytes, { format, password, maxPages });
    if (!opened.ok) {
      context.failure = { reason: opened.reason, message: opened.message };
      return;
    }
    context.source = opened.source;
    context.document.pageCount = opened.source.pageCount;
  },
};

export const layoutStage: PageStage = {
  id: "layout",
  scope: "page",
  run(context, page) {
    // Sources without geometry (plain text) deliver blocks directly and no words.
    if (page.words.length === 0) {
      if (page.blocks.length === 0 && page.width !== null)
        context.issues.push({
          stage: "layout",
          page: page.number,
          severity: "warning",
          code: "NO_TEXT_LAYER",
          // Until an OCR stage exists, a scanned page comes out empty; say so rather than stay silent.
          message: `Page ${page.number} has no text layer (a scan or an image); it was left empty`,
        });
      return;
    }
    page.lines = groupLines(page.words);
    page.blocks = groupParagraphs(page.lines);
  },
};

export const chunkingStage: DocumentStage = {
  id: "chunking",
  scope: "document",
  run(context) {
    context.chunks = chunkDocument(context.document.pages, context.options.chunking);
  },
};

export const renderStage: DocumentStage = {
  id: "render",
  scope: "document",
  run(context) {
    context.output = renderOutput(context.chunks);
  },
};

/**
 * Document stages run in this order; the page loop, which runs the page stages in this order, starts as
 * soon as ingest has opened the source.
 */
export const STAGES: readonly Stage[] = [ingestStage, layoutStage, chunkingStage, renderStage];
