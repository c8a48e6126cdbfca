/**
 * Opens Word, PowerPoint, OpenDocument text and HTML inputs natively (no LibreOffice): unzips packages
 * and hands them to their converter. A package that does not unzip, or lacks the parts its format
 * needs, is a CORRUPT_FILE failure, never a crash; a document with more pages than allowed is
 * FILE_SIZE_TOO_LARGE.
 */
import { assertNever } from "../../../shared/assert-never.ts";
import type { DocumentSource, OpenSourceResult } from "../../document/document-source.ts";
import { DocxDocumentSource } from "./docx-document-source.ts";
import { HtmlDocumentSource } from "./html-document-source.ts";
import { OdtDocumentSource } from "./odt-document-source.ts";
import { MAX_OFFICE_XML_BYTES, PackageError, unzipOffice } from "./office-zip.ts";
import { PptxDocumentSource } from "./pptx-document-source.ts";

export type OfficeFormat = "docx" | "pptx" | "odt" | "html";

export interface OpenOfficeOptions {
  readonly maxPages: number;
  /** Markup bytes a document may hold (HTML as uploaded, XML parts once inflated); default MAX_OFFICE_XML_BYTES. */
  readonly maxMarkupBytes?: number;
  /** advancedOptions.formattingDetection asks for change_tracking. */
  readonly changeTracking: boolean;
}

export function openOffice(
  bytes: Uint8Array,
  format: OfficeFormat,
  options: OpenOfficeOptions,
): OpenSourceResult {
  let source: DocumentSource;
  try {
    source = openSource(bytes, format, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PackageError) return { ok: false, reason: error.reason, message };
    return {
      ok: false,
      reason: "CORRUPT_FILE",
      message: `The ${format.toUpperCase()} file could not be read: ${message}`,
    };
  }
  if (source.pageCount > options.maxPages)
    return {
      ok: false,
      reason: "FILE_SIZE_TOO_LARGE",
      message: `The document has ${source.pageCount} pages; at most ${options.maxPages} are allowed`,
    };
  return { ok: true, source };
}

/** The format's source; throws when the input is not a readable document of that format. */
function openSource(bytes: Uint8Array, format: OfficeFormat, options: OpenOfficeOptions): DocumentSource {
  const maxMarkup = options.maxMarkupBytes ?? MAX_OFFICE_XML_BYTES;
  switch (format) {
    case "html":
      // The element tree costs about 16 times the markup (office-zip.ts): same cap as a package's XML.
      if (bytes.byteLength > maxMarkup)
        throw new PackageError(
          `The HTML file holds ${(bytes.byteLength / 2 ** 20).toFixed(1)} MB of markup; at most ${maxMarkup / 2 ** 20} MB can be read`,
          "FILE_SIZE_TOO_LARGE",
        );
      return new HtmlDocumentSource(bytes);
    case "docx":
      return DocxDocumentSource.open(unzipOffice(bytes, maxMarkup), options);
    case "pptx":
      return PptxDocumentSource.open(unzipOffice(bytes, maxMarkup), options);
    case "odt":
      return OdtDocumentSource.open(unzipOffice(bytes, maxMarkup));
    default:
      return assertNever(format, "office format");
  }
}
