/**
 * Issues: what stages report instead of throwing (DESIGN §6.4). An `error` on a page makes the result
 * partial; warnings and infos are diagnostics only.
 */

/** Stable stage ids, equal to the engine folder that does the work; they appear in logs and issues. */
export type StageId =
  | "ingest"
  | "pdf"
  | "ocr"
  | "layout"
  | "tables"
  | "figures"
  | "barcodes"
  | "formulas"
  | "reading-order"
  | "document-layout"
  | "chunking"
  | "render";

export type IssueSeverity = "info" | "warning" | "error";

export interface Issue {
  readonly stage: StageId;
  /** 1-based page number, absent for document-wide issues. */
  readonly page?: number;
  readonly severity: IssueSeverity;
  /** SCREAMING_SNAKE code, stable for tests and dashboards. */
  readonly code: string;
  readonly message: string;
}
