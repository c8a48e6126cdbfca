/**
 * The ordered stage list: ingest (open the source) → [per page: layout → reading-order] →
 * document-layout → chunking → render. Reading a page (the PDF text layer) is the source's job inside the
 * page loop; later page stages (OCR before layout, tables between layout and reading-order, so tables
 * take their place in the reading order) slot in beside them.
 */
import { barcodesStage } from "../barcodes/barcodes-stage.ts";
import { chunkDocument } from "../chunking/chunk-document.ts";
import { layOutDocument } from "../document-layout/lay-out-document.ts";
import { clipFigureImages } from "../figures/figure-images.ts";
import { figurePage } from "../figures/page-figures.ts";
import { pageFrameRegions } from "../figures/page-frame-regions.ts";
import { formulasStage } from "../formulas/formulas-stage.ts";
import { openDocumentSource } from "../ingest/open-document-source.ts";
import { spreadsheetOptions } from "../ingest/spreadsheet/spreadsheet-options.ts";
import { withFormFields } from "../layout/form-field-words.ts";
import { layoutPage } from "../layout/layout-page.ts";
import { ocrStage } from "../ocr/ocr-stage.ts";
import { continueAroundFloats } from "../reading-order/float-continuation.ts";
import { orderPage } from "../reading-order/order-page.ts";
import { blockMarkdown } from "../render/block-markdown.ts";
import { renderOcrWords } from "../render/ocr-words.ts";
import { spatialText } from "../render/spatial-text.ts";
import { renderOutput } from "../render/wire-output.ts";
import { tablePage } from "../tables/page-tables.ts";
import { findsFigures, readsVectorGraphics } from "./engine-profile.ts";
import type { DocumentStage, PageStage, Stage } from "./stage.ts";

export const ingestStage: DocumentStage = {
  id: "ingest",
  scope: "document",
  async run(context) {
    const { format, password, maxPages, pdfConverter, config } = context.options;
    const spreadsheet = spreadsheetOptions(config?.advancedOptions);
    const changeTracking = config?.advancedOptions?.formattingDetection?.some(
      (f) => f.type === "change_tracking",
    );
    const conversion = {
      converter: pdfConverter,
      alwaysConvertToPdf: config?.advancedOptions?.alwaysConvertToPdf,
      imageQuality: config?.advancedOptions?.imageConversionQuality,
    };
    const opened = await openDocumentSource(context.bytes, {
      format,
      password,
      maxPages,
      spreadsheet,
      changeTracking,
      conversion,
      vectorGraphics: readsVectorGraphics(context.options),
    });
    if (!opened.ok) {
      context.failure = { reason: opened.reason, message: opened.message };
      return;
    }
    context.source = opened.source;
    context.document.pageCount = opened.source.pageCount;
    context.issues.push(...(opened.source.openIssues ?? []));
  },
};

export const layoutStage: PageStage = {
  id: "layout",
  scope: "page",
  run(context, page) {
    // Filled-in form fields (PDF widgets) read as words where the page shows them.
    if (page.formFields !== undefined) page.words = withFormFields(page.words, page.formFields);
    // Sources without geometry (plain text) deliver blocks directly and no words.
    if (page.words.length === 0) {
      // (Sources without page images, such as slides, have nothing to scan: an empty slide is just empty.)
      if (page.blocks.length === 0 && page.width !== null && context.source?.ocrPage !== undefined)
        context.issues.push({
          stage: "layout",
          page: page.number,
          severity: "warning",
          code: "NO_TEXT_LAYER",
          // OCR off (or it found nothing): a scanned page comes out empty; say so rather than stay silent.
          message: `Page ${page.number} has no text layer (a scan or an image) and OCR found no text; it was left empty`,
        });
      return;
    }
    const vectors =
      page.graphics === undefined && page.rulings === undefined
        ? undefined
        : { paths: page.graphics?.paths ?? [], rulings: page.rulings ?? [] };
    const { lines, blocks, undecodableLines, rulings, words } = layoutPage(page.words, vectors);
    // Checkboxes are words from here on, so a table cell holding one keeps its state.
    page.words = words;
    page.lines = lines;
    page.blocks = blocks;
    // Checkbox outlines are not table borders.
    if (page.rulings !== undefined && rulings !== undefined) page.rulings = rulings;
    if (undecodableLines > 0)
      context.issues.push({
        stage: "layout",
        page: page.number,
        severity: "info",
        code: "UNDECODABLE_TEXT",
        message: `Page ${page.number} has ${undecodableLines} line(s) in a font without a character map; they were left out`,
      });
  },
};

/**
 * After layout, before reading order: tables take the words of the text blocks they cover (those blocks
 * shrink or go), and reading order then places the table blocks among the rest.
 */
export const tablesStage: PageStage = {
  id: "tables",
  scope: "page",
  run(context, page) {
    const previous = context.document.pages[context.document.pages.length - 1];
    tablePage(page, previous, {
      headerContinuation:
        context.options.config?.blockOptions?.tables?.tableHeaderContinuationEnabled === true,
    });
  },
};

/**
 * After reading order: images and vector drawings become figure blocks, placed into the order (drawings
 * take in their label text blocks). blockOptions.figures.enabled === false leaves figures out. Then a
 * paragraph split by a float (figure or table) reads on past it.
 */
export const figuresStage: PageStage = {
  id: "figures",
  scope: "page",
  run(context, page) {
    if (context.options.config?.blockOptions?.figures?.enabled !== false && findsFigures(context.options))
      figurePage(page);
    // With the floats (figures, tables) in place, a paragraph they split reads on past them.
    if (page.words.length > 0) page.blocks = continueAroundFloats(page.blocks);
  },
};

/**
 * After figures: with blockOptions.figures.figureImageClippingEnabled (Extend's default: on) each figure's
 * region is rendered to PNG while the source reopens just this page. A failed render costs the images
 * (a warning), not the page.
 */
export const figureImagesStage: PageStage = {
  id: "figures",
  scope: "page",
  async run(context, page) {
    const figures = context.options.config?.blockOptions?.figures;
    if (figures?.enabled === false || figures?.figureImageClippingEnabled === false) return;
    if (!findsFigures(context.options)) return;
    const source = context.source;
    if (source?.renderRegions === undefined) return;
    try {
      // A page OCR turned or straightened has its blocks in that frame; its source renders its own.
      const render = pageFrameRegions(page, (number, regions, dpi) =>
        source.renderRegions!(number, regions, dpi),
      );
      await clipFigureImages(page, render);
    } catch (error) {
      context.issues.push({
        stage: "figures",
        page: page.number,
        severity: "warning",
        code: "FIGURE_IMAGES_FAILED",
        message: `Figure images of page ${page.number} could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  },
};

export const readingOrderStage: PageStage = {
  id: "reading-order",
  scope: "page",
  run(_context, page) {
    // A source that delivers blocks itself (text, Office, HTML: no words) delivers them in reading order.
    if (page.words.length === 0) return;
    orderPage(page);
  },
};

/** Runs after the page loop (it follows ingest in the list): furniture and headings need every page. */
export const documentLayoutStage: DocumentStage = {
  id: "document-layout",
  scope: "document",
  run(context) {
    layOutDocument(context.document.pages);
  },
};

export const chunkingStage: DocumentStage = {
  id: "chunking",
  scope: "document",
  run(context) {
    const config = context.options.config;
    const limits = config?.chunkingStrategy?.options;
    const markdown = {
      enrichmentFormat: config?.advancedOptions?.enrichmentFormat,
      tableFormat: config?.blockOptions?.tables?.targetFormat,
    };
    context.chunks = chunkDocument(context.document.pages, context.options.chunking, {
      // 0 means "no bound" (the CLI's "server default if 0").
      minCharacters: limits?.minCharacters || undefined,
      maxCharacters: limits?.maxCharacters || undefined,
      measure: (block) => blockMarkdown(block, markdown).length,
    });
  },
};

export const renderStage: DocumentStage = {
  id: "render",
  scope: "document",
  run(context) {
    const output = renderOutput(context.chunks, {
      enrichmentFormat: context.options.config?.advancedOptions?.enrichmentFormat,
      tableFormat: context.options.config?.blockOptions?.tables?.targetFormat,
      tableCellBlocks: context.options.config?.blockOptions?.tables?.cellBlocksEnabled,
      figureImages: context.figureImages,
    });
    if (context.options.config?.advancedOptions?.returnOcr?.words === true) {
      output.ocr = renderOcrWords(context.document.pages);
    }
    if (context.options.config?.target === "spatial") {
      // Spatial target: a page chunk's content is the page's layout-preserving text (blocks keep their
      // own content); pages without geometry keep the markdown. Only page chunking allows spatial.
      const threshold = context.options.config.advancedOptions?.verticalGroupingThreshold;
      for (const [index, chunk] of context.chunks.entries()) {
        const page = context.document.pages[chunk.pageRange.start - 1];
        const rendered = output.chunks[index];
        if (chunk.type !== "page" || page === undefined || rendered === undefined) continue;
        rendered.content = spatialText(page, threshold ?? 1) ?? rendered.content;
      }
    }
    context.output = output;
  },
};

/**
 * Document stages run in this order; the page loop, which runs the page stages in this order, starts as
 * soon as ingest has opened the source.
 */
export const STAGES: readonly Stage[] = [
  ingestStage,
  ocrStage,
  layoutStage,
  formulasStage,
  tablesStage,
  readingOrderStage,
  figuresStage,
  barcodesStage,
  figureImagesStage,
  documentLayoutStage,
  chunkingStage,
  renderStage,
];
