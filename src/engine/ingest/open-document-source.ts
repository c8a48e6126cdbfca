/**
 * Opens the input as a DocumentSource according to its detected format: PDF, images (PNG, JPEG, GIF,
 * BMP, WebP, multi-page TIFF; read by OCR) and plain text (TXT, Markdown, CSV). Every other format fails with
 * FILE_TYPE_NOT_SUPPORTED for now.
 */
import { assertNever } from "../../shared/assert-never.ts";
import type { OpenSourceResult } from "../document/document-source.ts";
import { openPdf } from "../pdf/open-pdf.ts";
import type { DocumentFormat } from "./detect-format.ts";
import { ImageDocumentSource } from "./image-document-source.ts";
import { TextDocumentSource } from "./text-document-source.ts";

export interface OpenDocumentOptions {
  readonly format: DocumentFormat;
  readonly password?: string | undefined;
  readonly maxPages: number;
  /** PDF: read each page's vector paths and images (default true; parse_light turns it off). */
  readonly vectorGraphics?: boolean | undefined;
}

/** Opens `bytes`; for PDFs their buffer is handed to pdf.js and detached. */
export async function openDocumentSource(
  bytes: Uint8Array,
  options: OpenDocumentOptions,
): Promise<OpenSourceResult> {
  const { format } = options;
  // An empty file has no type to detect; it is a broken document, not an unsupported kind of one.
  if (bytes.byteLength === 0)
    return { ok: false, reason: "CORRUPT_FILE", message: "The file is empty (0 bytes)" };
  switch (format) {
    case "pdf":
      return openPdf(bytes, options);
    case "txt":
    case "markdown":
    case "csv":
      return { ok: true, source: new TextDocumentSource(bytes) };
    case "png":
    case "jpeg":
    case "gif":
    case "bmp":
    case "webp":
    case "tiff":
      try {
        return { ok: true, source: await ImageDocumentSource.open(bytes) };
      } catch (error) {
        return {
          ok: false,
          reason: "CORRUPT_FILE",
          message: `The image could not be decoded: ${(error as Error).message}`,
        };
      }
    case "heic":
    case "docx":
    case "xlsx":
    case "pptx":
    case "odt":
    case "ods":
    case "odp":
    case "ole":
    case "zip":
    case "html":
    case "xml":
    case "rtf":
    case "unknown":
      return {
        ok: false,
        reason: "FILE_TYPE_NOT_SUPPORTED",
        message:
          format === "unknown"
            ? "The file type could not be recognised"
            : `Parsing ${format.toUpperCase()} files is not supported yet`,
      };
    default:
      return assertNever(format, "document format");
  }
}
