/**
 * The Stage interface: a named step of the parse pipeline. Page stages run on each page as it is read
 * (so per-page work never needs the whole document in memory); document stages run once, before or after
 * the page loop. Stages report problems as issues instead of throwing (DESIGN §6.4).
 */
import type { Extend } from "extend-ai";
import type { DocumentChunk } from "../document/chunk.ts";
import type { DocumentSource } from "../document/document-source.ts";
import type { Issue, StageId } from "../document/issue.ts";
import type { Page } from "../document/page.ts";
import type { ParsedDocument } from "../document/parsed-document.ts";
import type { FailureReason, ParseOptions } from "./parse-outcome.ts";

/** Shared, mutable state of one parse; each stage fills in its part. */
export interface StageContext {
  /** The input; after ingest a PDF's buffer belongs to pdf.js and is detached. */
  readonly bytes: Uint8Array;
  readonly options: ParseOptions;
  readonly document: ParsedDocument;
  /** Set by the ingest stage; the page loop reads pages from it. */
  source: DocumentSource | undefined;
  /** Set by the chunking stage. */
  chunks: readonly DocumentChunk[];
  /** Set by the render stage. */
  output: Extend.ParseRunOutput | undefined;
  /** Filled by the render stage: figure images (figures/figure-images.ts) by block id. */
  readonly figureImages: { blockId: string; png: Uint8Array }[];
  /** Set by a stage that cannot go on; the pipeline stops after that stage. */
  failure: { readonly reason: FailureReason; readonly message: string } | undefined;
  readonly issues: Issue[];
}

export interface DocumentStage {
  /** Equal to the engine folder that does the work. */
  readonly id: StageId;
  readonly scope: "document";
  run(context: StageContext): Promise<void> | void;
}

export interface PageStage {
  readonly id: StageId;
  readonly scope: "page";
  /** Updates `page` in place; `context.document.pages` holds the pages before it. */
  run(context: StageContext, page: Page): Promise<void> | void;
}

export type Stage = DocumentStage | PageStage;
