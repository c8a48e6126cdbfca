/**
 * The step before a source is opened by format: container checks (zip-bomb guard, password-protected
 * Office/ODF files), then the conversions. Legacy Office and OpenDocument spreadsheets and presentations
 * become DOCX/XLSX/PPTX (convert-to-ooxml.ts), which the caller opens with the native readers; where a
 * format is read by way of PDF (RTF, those same formats under alwaysConvertToPdf or without LibreOffice,
 * any convertible input under alwaysConvertToPdf) the PDF is made and opened here. Returns the result
 * when this step settles the input, a converted input to open in its place, or undefined when the
 * format's own reader takes it.
 */

import { convertToOoxml, type OoxmlFormat, ooxmlRoute } from "../convert/convert-to-ooxml.ts";
import {
  type ConversionRequest,
  conversionRoute,
  convertToPdf,
  type PdfConverterSettings,
} from "../convert/convert-to-pdf.ts";
import type { ImageConversionQuality } from "../convert/image-to-pdf.ts";
import type { OpenSourceResult } from "../document/document-source.ts";
import { openPdf } from "../pdf/open-pdf.ts";
import { checkContainer, oleKind } from "./container-checks.ts";
import type { DocumentFormat } from "./detect-format.ts";
import type { OleKind } from "./ole-directory.ts";

export interface PdfConversionOptions {
  /** LibreOffice; undefined when it is not installed (formats that need it then fail). */
  readonly converter: PdfConverterSettings | undefined;
  readonly alwaysConvertToPdf?: boolean | undefined;
  /** Extend's imageConversionQuality: high, medium or low (anything else: high). */
  readonly imageQuality?: string | undefined;
}

export interface PreOpenOptions {
  readonly format: DocumentFormat;
  readonly maxPages: number;
  readonly conversion?: PdfConversionOptions | undefined;
}

/** An input converted to Office Open XML, to be opened as that format instead. */
export interface ConvertedInput {
  readonly converted: true;
  readonly bytes: Uint8Array;
  readonly format: OoxmlFormat;
}

export async function convertBeforeOpen(
  bytes: Uint8Array,
  options: PreOpenOptions,
): Promise<OpenSourceResult | ConvertedInput | undefined> {
  const { format } = options;
  const rejected = checkContainer(bytes, format);
  if (rejected !== undefined) return rejected;
  let kind: OleKind | undefined;
  if (format === "ole") {
    const classified = oleKind(bytes);
    if (typeof classified !== "string") return classified;
    kind = classified;
  }
  const request: ConversionRequest = {
    format,
    oleKind: kind,
    alwaysConvertToPdf: options.conversion?.alwaysConvertToPdf,
    imageQuality: imageQuality(options.conversion?.imageQuality),
    converter: options.conversion?.converter,
  };
  if (ooxmlRoute(request) !== undefined) {
    const ooxml = await convertToOoxml(bytes, request);
    if (!ooxml.ok) return ooxml;
    // What LibreOffice wrote passes the same container checks as an upload would.
    const rejected = checkContainer(ooxml.bytes, ooxml.format);
    return rejected ?? { converted: true, bytes: ooxml.bytes, format: ooxml.format };
  }
  if (conversionRoute(request) === undefined) return undefined;
  const converted = await convertToPdf(bytes, request);
  if (!converted.ok) return converted;
  return openPdf(converted.pdf, { maxPages: options.maxPages });
}

function imageQuality(value: string | undefined): ImageConversionQuality {
  return value === "medium" || value === "low" ? value : "high";
}
