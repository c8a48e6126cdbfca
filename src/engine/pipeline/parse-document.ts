/**
 * parseDocument: runs the stage list over one input and folds the result into a ParseOutcome. Pages are
 * read and processed one at a time; the abort signal is checked between pages and between stages.
 */
import type { Issue } from "../document/issue.ts";
import { emptyPage, type Page } from "../document/page.ts";
import { estimatedPageCount } from "./estimated-page-count.ts";
import { selectPages } from "./page-selection.ts";
import type { ParseOptions, ParseOutcome } from "./parse-outcome.ts";
import type { DocumentStage, PageStage, Stage, StageContext } from "./stage.ts";
import { STAGES } from "./stages.ts";
import { invalidOptionsMessage } from "./validate-options.ts";

/**
 * Parses `bytes` (the engine takes ownership: a PDF's buffer is detached by pdf.js). Expected problems
 * become a failure outcome or issues; the promise rejects only when `options.signal` aborts (with its
 * reason). The page loop starts as soon as a stage has opened the source; page stages run in it in the
 * order of `stages`, document stages in list order around it.
 */
export async function parseDocument(
  bytes: Uint8Array,
  options: ParseOptions,
  stages: readonly Stage[] = STAGES,
): Promise<ParseOutcome> {
  const invalid = invalidOptionsMessage(options);
  if (invalid !== undefined) {
    return {
      status: "failure",
      failureReason: "INVALID_CONFIG_OPTIONS",
      failureMessage: invalid,
      issues: [],
    };
  }
  const context: StageContext = {
    bytes,
    options,
    document: { format: options.format, pageCount: 0, pages: [] },
    source: undefined,
    chunks: [],
    output: undefined,
    figureImages: [],
    failure: undefined,
    issues: [],
  };
  const pageStages = stages.filter((stage): stage is PageStage => stage.scope === "page");
  const documentStages = stages.filter((stage): stage is DocumentStage => stage.scope === "document");
  try {
    let pagesRead = false;
    for (const stage of documentStages) {
      options.signal?.throwIfAborted();
      try {
        await stage.run(context);
      } catch (error) {
        context.issues.push(stageFailure(stage, undefined, error));
        context.failure = { reason: "INTERNAL_ERROR", message: "The document could not be processed" };
      }
      if (context.failure !== undefined) return failure(context);
      if (!pagesRead && context.source !== undefined) {
        pagesRead = true;
        await readPages(context, pageStages);
        if (context.failure !== undefined) return failure(context);
      }
    }
    if (context.output === undefined) {
      context.failure = { reason: "INTERNAL_ERROR", message: "The document could not be processed" };
      return failure(context);
    }
    const partial = context.issues.some((issue) => issue.severity === "error");
    return {
      status: partial ? "partial" : "success",
      output: context.output,
      pageCount:
        context.source?.pageCountBasis === "content"
          ? estimatedPageCount(context.output)
          : context.document.pageCount,
      issues: context.issues,
      ...(context.figureImages.length > 0 ? { figureImages: context.figureImages } : {}),
    };
  } finally {
    await context.source?.close().catch(() => {});
  }
}

/**
 * Reads the pages advancedOptions.pageRanges selects (all by default) and runs the page stages on each;
 * the others are never read. Page stages see the original page numbers (the source reads pages by
 * number, and issues name the page as the file has it); afterwards the selected pages are renumbered
 * from 1, as Extend does ("Selected pages are isolated and renumbered from 1"), so chunk page ranges
 * and blocks' metadata.page.number count the pages processed. The document's pageCount becomes the
 * number of pages processed, which is what metrics and usage bill.
 */
async function readPages(context: StageContext, pageStages: readonly PageStage[]): Promise<void> {
  const source = context.source!;
  const selected = selectPages(context.options.config?.advancedOptions?.pageRanges, source.pageCount);
  if (selected.length === 0 && source.pageCount > 0) {
    context.failure = {
      reason: "INVALID_CONFIG_OPTIONS",
      message: `advancedOptions.pageRanges selects none of the document's ${source.pageCount} pages`,
    };
    return;
  }
  let unreadable = 0;
  for (const number of selected) {
    context.options.signal?.throwIfAborted();
    let page: Page;
    try {
      page = await source.readPage(number);
    } catch (error) {
      unreadable++;
      context.issues.push({
        stage: source.stage,
        page: number,
        severity: "error",
        code: "PAGE_UNREADABLE",
        message: `Page ${number} could not be read: ${messageOf(error)}`,
      });
      // An unreadable page still gets its (empty) chunk, so page numbers stay continuous.
      page = emptyPage(number, null, null);
    }
    for (const stage of pageStages) {
      try {
        await stage.run(context, page);
      } catch (error) {
        context.issues.push(stageFailure(stage, number, error));
      }
    }
    context.document.pages.push(page);
  }
  if (selected.length > 0 && unreadable === selected.length) {
    context.failure = {
      reason: "CORRUPT_FILE",
      message:
        selected.length === source.pageCount
          ? `None of the document's ${source.pageCount} pages could be read`
          : `None of the ${selected.length} selected pages could be read`,
    };
  }
  if (selected.length !== source.pageCount) {
    const pages = context.document.pages.map((page, index) => ({ ...page, number: index + 1 }));
    context.document.pages.splice(0, pages.length, ...pages);
    context.document.pageCount = selected.length;
  }
}

function stageFailure(stage: Stage, page: number | undefined, error: unknown): Issue {
  const issue: Issue = {
    stage: stage.id,
    severity: "error",
    code: "STAGE_FAILED",
    message: `Stage ${stage.id} failed${page === undefined ? "" : ` on page ${page}`}: ${messageOf(error)}`,
  };
  return page === undefined ? issue : { ...issue, page };
}

function failure(context: StageContext): ParseOutcome {
  const { reason, message } = context.failure!;
  return { status: "failure", failureReason: reason, failureMessage: message, issues: context.issues };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
