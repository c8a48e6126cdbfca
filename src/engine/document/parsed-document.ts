/** The whole intermediate document as stages build it: the pages read so far, in page order. */
import type { DocumentFormat } from "../ingest/detect-format.ts";
import type { Page } from "./page.ts";

export interface ParsedDocument {
  readonly format: DocumentFormat;
  /** Pages the source declares; known once the ingest stage has opened it, 0 before. */
  pageCount: number;
  /** Appended one at a time by the page loop; `pages[i].number === i + 1`. */
  readonly pages: Page[];
}
