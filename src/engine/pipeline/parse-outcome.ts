/**
 * What parseDocument takes and gives: the options of one parse and its outcome — success, partial
 * (some pages lost content; see issues) or failure with Extend's failureReason.
 */
import type { Extend } from "extend-ai";
import type { ChunkingStrategy } from "../chunking/chunk-document.ts";
import type { PdfConverterSettings } from "../convert/convert-to-pdf.ts";
import type { Issue } from "../document/issue.ts";
import type { DocumentFormat } from "../ingest/detect-format.ts";

export interface ParseOptions {
  /** From detectFormat(); the engine trusts it and does not sniff again. */
  readonly format: DocumentFormat;
  /** For encrypted PDFs (user or owner password). */
  readonly password?: string | undefined;
  /** Documents with more pages fail with FILE_SIZE_TOO_LARGE before any page is parsed. */
  readonly maxPages: number;
  readonly chunking: ChunkingStrategy;
  /**
   * The effective Extend ParseConfig (defaults applied by the caller): stages read their options from
   * it (table target format, cell blocks, page ranges, …). Absent means every default.
   */
  readonly config?: Extend.ParseConfig | undefined;
  /**
   * OCR for pages without a usable text layer; undefined leaves such pages empty (with a warning).
   * Plain data because options cross into worker threads, where each thread builds its own engine.
   */
  readonly ocr?: { readonly engine: "tesseract-cli" | "tesseract-js"; readonly dpi?: number } | undefined;
  /** LibreOffice for inputs read by way of PDF (legacy Office, ODF, RTF); absent: those fail. */
  readonly pdfConverter?: PdfConverterSettings | undefined;
  /** Checked between pages; an aborted parse rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** The failureReason values the engine produces (a subset of Extend's ParseRun failure reasons). */
export type FailureReason =
  | "CORRUPT_FILE"
  | "PASSWORD_PROTECTED_FILE"
  | "FILE_TYPE_NOT_SUPPORTED"
  | "FILE_SIZE_TOO_LARGE"
  /** LibreOffice failed or timed out on an input that is read by way of PDF. */
  | "FAILED_TO_CONVERT_TO_PDF"
  /** Option combinations the contract rejects (validate-options.ts); checked before the file is opened. */
  | "INVALID_CONFIG_OPTIONS"
  | "INTERNAL_ERROR";

export type ParseOutcome =
  | {
      readonly status: "success" | "partial";
      readonly output: Extend.ParseRunOutput;
      /** Pages processed, billed as such (unreadable pages included): all, or those pageRanges select. */
      readonly pageCount: number;
      readonly issues: readonly Issue[];
      /**
       * PNGs of figure regions (blockOptions.figures.figureImageClippingEnabled), keyed by the figure
       * block's id in `output`; absent when there are none.
       */
      readonly figureImages?: readonly { readonly blockId: string; readonly png: Uint8Array }[];
    }
  | {
      readonly status: "failure";
      readonly failureReason: FailureReason;
      /** For people: says what is wrong with the file, not how the engine works. */
      readonly failureMessage: string;
      readonly issues: readonly Issue[];
    };
