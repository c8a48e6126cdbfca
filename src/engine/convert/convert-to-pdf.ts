/**
 * Which inputs become PDFs before parsing, and the conversion itself. Formats Quire cannot read
 * natively (legacy OLE .doc/.xls/.ppt, OpenDocument, RTF) always go through LibreOffice; with
 * `alwaysConvertToPdf` (Extend's advanced option, "ensures spatial output with bounding boxes") images,
 * Word, PowerPoint, Excel, HTML and plain text do too, images through sharp + pdf-lib rather than
 * LibreOffice. Failures come back in Extend's failureReason vocabulary.
 */
import type { DocumentFormat } from "../ingest/detect-format.ts";
import type { OleKind } from "../ingest/ole-directory.ts";
import { type ImageConversionQuality, imageToPdf } from "./image-to-pdf.ts";
import { ConversionError, type SofficeInput, sofficeToPdf } from "./soffice.ts";

/** Plain data (it crosses into engine worker threads): where LibreOffice is and how to run it. */
export interface PdfConverterSettings {
  /** The soffice command or path; undefined when LibreOffice is not installed. */
  readonly sofficePath: string | undefined;
  readonly timeoutMs: number;
  /** LibreOffice processes at once per thread. */
  readonly concurrency: number;
}

export interface ConversionRequest {
  readonly format: DocumentFormat;
  /** For OLE containers: what the directory says they hold (see classifyOle). */
  readonly oleKind?: OleKind | undefined;
  readonly alwaysConvertToPdf?: boolean | undefined;
  readonly imageQuality?: ImageConversionQuality | undefined;
  readonly converter: PdfConverterSettings | undefined;
}

export type ConversionResult =
  | { readonly ok: true; readonly pdf: Uint8Array }
  | {
      readonly ok: false;
      readonly reason: "FAILED_TO_CONVERT_TO_PDF" | "FILE_TYPE_NOT_SUPPORTED";
      readonly message: string;
    };

/** Image formats converted through sharp + pdf-lib (when `alwaysConvertToPdf` or `convertToPdf` asks). */
export const IMAGE_FORMATS: ReadonlySet<DocumentFormat> = new Set([
  "png",
  "jpeg",
  "gif",
  "bmp",
  "webp",
  "tiff",
  "heic",
]);

/** LibreOffice input per format: the import filter pins the reader (see SofficeInput). */
const OFFICE_INPUTS: Partial<Record<DocumentFormat, SofficeInput & { readonly always: boolean }>> = {
  // ODT is read natively (ingest/office/); converted only with alwaysConvertToPdf.
  odt: { extension: "odt", filter: "writer8", always: false },
  ods: { extension: "ods", filter: "calc8", always: true },
  odp: { extension: "odp", filter: "impress8", always: true },
  rtf: { extension: "rtf", filter: "Rich Text Format", always: true },
  docx: { extension: "docx", filter: "MS Word 2007 XML", always: false },
  xlsx: { extension: "xlsx", filter: "Calc MS Excel 2007 XML", always: false },
  pptx: { extension: "pptx", filter: "Impress MS PowerPoint 2007 XML", always: false },
  html: { extension: "html", filter: "HTML (StarWriter)", always: false },
  txt: { extension: "txt", filter: "Text (encoded):UTF8,LF,,,", always: false },
};

const OLE_INPUTS: Partial<Record<OleKind, SofficeInput>> = {
  doc: { extension: "doc", filter: "MS Word 97" },
  xls: { extension: "xls", filter: "MS Excel 97" },
  ppt: { extension: "ppt", filter: "MS PowerPoint 97" },
};

const OLE_NAMES: Partial<Record<OleKind, string>> = {
  doc: "Word (.doc)",
  xls: "Excel (.xls)",
  ppt: "PowerPoint (.ppt)",
};

/** LibreOffice's input (extension and import filter) for `request`, when it has one. */
export function sofficeInput(request: ConversionRequest): SofficeInput | undefined {
  return request.format === "ole" ? OLE_INPUTS[request.oleKind ?? "other"] : OFFICE_INPUTS[request.format];
}

/** How `request` is converted: LibreOffice, the image path, or not at all (parse it as it is). */
export function conversionRoute(request: ConversionRequest): "soffice" | "image" | undefined {
  const { format } = request;
  if (format === "ole")
    return request.oleKind !== undefined && OLE_INPUTS[request.oleKind] ? "soffice" : undefined;
  if (request.alwaysConvertToPdf === true && IMAGE_FORMATS.has(format)) return "image";
  const office = OFFICE_INPUTS[format];
  if (office === undefined) return undefined;
  if (office.always) return "soffice";
  // Formats Quire also reads natively are converted on request only, and only when it can.
  return request.alwaysConvertToPdf === true && request.converter?.sofficePath !== undefined
    ? "soffice"
    : undefined;
}

/** Converts per conversionRoute; call only when it returned a route. */
export async function convertToPdf(bytes: Uint8Array, request: ConversionRequest): Promise<ConversionResult> {
  const route = conversionRoute(request);
  if (route === "image") {
    try {
      return { ok: true, pdf: await imageToPdf(bytes, request.imageQuality) };
    } catch (error) {
      return failed(`The image could not be converted to PDF: ${(error as Error).message}`);
    }
  }
  const input = sofficeInput(request);
  if (route !== "soffice" || input === undefined)
    throw new Error(`No PDF conversion for ${request.format} input`);
  const converter = request.converter;
  if (converter?.sofficePath === undefined) {
    const kind =
      request.format === "ole"
        ? (OLE_NAMES[request.oleKind ?? "other"] ?? "legacy Office")
        : request.format.toUpperCase();
    return {
      ok: false,
      reason: "FILE_TYPE_NOT_SUPPORTED",
      message: `${kind} files are read by converting them to PDF with LibreOffice, which is not installed on this server (install LibreOffice or set LIBREOFFICE_PATH)`,
    };
  }
  try {
    return {
      ok: true,
      pdf: await sofficeToPdf(bytes, input, { ...converter, sofficePath: converter.sofficePath }),
    };
  } catch (error) {
    if (error instanceof ConversionError) return failed(error.message);
    throw error;
  }
}

function failed(message: string): ConversionResult {
  return { ok: false, reason: "FAILED_TO_CONVERT_TO_PDF", message };
}
