/**
 * Opens the input as a DocumentSource according to its detected format: PDF, images (PNG, JPEG, GIF,
 * BMP, WebP, HEIC, multi-page TIFF; read by OCR), plain text (TXT, Markdown), spreadsheets (XLSX/XLSM/
 * XLTX one page per sheet, CSV/TSV one table), Word, PowerPoint, ODT and HTML read natively (office/);
 * legacy Office and ODS/ODP converted to DOCX/XLSX/PPTX and read natively, RTF (and any of those under
 * alwaysConvertToPdf) by way of a PDF conversion (convert-before-open.ts). Every
 * other format fails with FILE_TYPE_NOT_SUPPORTED.
 */
import { assertNever } from "../../shared/assert-never.ts";
import type { OpenSourceResult } from "../document/document-source.ts";
import { openPdf } from "../pdf/open-pdf.ts";
import { convertBeforeOpen, type PdfConversionOptions } from "./convert-before-open.ts";
import type { DocumentFormat } from "./detect-format.ts";
import { ImageDocumentSource } from "./image-document-source.ts";
import { openOffice } from "./office/open-office.ts";
import { openCsv, openXlsx } from "./spreadsheet/spreadsheet-document-source.ts";
import { DEFAULT_SPREADSHEET_OPTIONS, type SpreadsheetOptions } from "./spreadsheet/spreadsheet-options.ts";
import { TextDocumentSource } from "./text-document-source.ts";

export interface OpenDocumentOptions {
  readonly format: DocumentFormat;
  readonly password?: string | undefined;
  readonly maxPages: number;
  /** Extend's advancedOptions.excel* settings (spreadsheet-options.ts); defaults when absent. */
  readonly spreadsheet?: SpreadsheetOptions | undefined;
  /** advancedOptions.formattingDetection asks for change_tracking (Word tracked changes shown inline). */
  readonly changeTracking?: boolean | undefined;
  /** PDF conversion (LibreOffice, alwaysConvertToPdf); absent: formats that need it fail. */
  readonly conversion?: PdfConversionOptions | undefined;
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
  // Zip-bomb and password checks on containers; inputs read by way of PDF are converted and opened here.
  const converted = await convertBeforeOpen(bytes, options);
  // Converted to DOCX/XLSX/PPTX: opened by that format's reader (never converted again).
  if (converted !== undefined && "converted" in converted) {
    // Extend: "for .xls files, basic mode is always used" — no advanced-only cell metadata or formatting.
    const spreadsheet =
      format === "ole" && options.spreadsheet !== undefined
        ? { ...options.spreadsheet, cellMetadata: false, cellFormatting: false }
        : options.spreadsheet;
    return openDocumentSource(converted.bytes, {
      ...options,
      format: converted.format,
      conversion: undefined,
      spreadsheet,
    });
  }
  if (converted !== undefined) return converted;
  switch (format) {
    case "pdf":
      return openPdf(bytes, options);
    case "txt":
    case "markdown":
      return { ok: true, source: new TextDocumentSource(bytes) };
    case "csv":
      return openCsv(bytes);
    case "xlsx":
      return openXlsx(bytes, {
        ...(options.spreadsheet ?? DEFAULT_SPREADSHEET_OPTIONS),
        maxPages: options.maxPages,
      });
    case "png":
    case "jpeg":
    case "gif":
    case "bmp":
    case "webp":
    case "tiff":
    case "heic":
      try {
        return { ok: true, source: await ImageDocumentSource.open(bytes) };
      } catch (error) {
        return {
          ok: false,
          reason: "CORRUPT_FILE",
          message: `The image could not be decoded: ${(error as Error).message}`,
        };
      }
    case "docx":
    case "pptx":
    case "odt":
    case "html":
      return openOffice(bytes, format, {
        maxPages: options.maxPages,
        changeTracking: options.changeTracking === true,
      });
    case "ods":
    case "odp":
    case "ole":
    case "zip":
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
