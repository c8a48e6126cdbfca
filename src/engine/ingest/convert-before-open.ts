/**
 * The step before a source is opened by format: container checks (zip-bomb guard, password-protected
 * Office/ODF files) and, where a format is read by way of PDF (legacy Office, OpenDocument, RTF, or any
 * convertible input under alwaysConvertToPdf), the conversion and the opening of the resulting PDF.
 * Returns the result when this step settles the input, undefined when the format's own reader takes it.
 */
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

export async function convertBeforeOpen(
  bytes: Uint8Array,
  options: PreOpenOptions,
): Promise<OpenSourceResult | undefined> {
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
  if (conversionRoute(request) === undefined) return undefined;
  const converted = await convertToPdf(bytes, request);
  if (!converted.ok) return converted;
  return openPdf(converted.pdf, { maxPages: options.maxPages });
}

function imageQuality(value: string | undefined): ImageConversionQuality {
  return value === "medium" || value === "low" ? value : "high";
}
