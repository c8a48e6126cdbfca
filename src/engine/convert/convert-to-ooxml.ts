/**
 * Legacy binary Office files (.doc, .xls, .ppt), OpenDocument spreadsheets and presentations and RTF are
 * read by converting them with LibreOffice to their Office Open XML counterpart (DOCX, XLSX, PPTX) and
 * handing that to the native readers, which keep what a PDF loses: headings, lists, table structure,
 * sheets (metadata.sheet), slides and speaker notes. Measured against docling's ground truth (markdown
 * distance, PDF route → this route): .ppt 0.336 → 0.140, .doc 0.076/0.007 → 0.053/0.005; corpus DOCX,
 * XLSX and PPTX files saved by LibreOffice as RTF, ODS and ODP read better this way every time (RTF
 * 0.051–0.087 → 0.000–0.034, ODS 0.191–0.391 → 0.077–0.149, ODP 0.332–0.354 → 0.028–0.140). The .xls
 * file scores 0.098 → 0.166 only because the sheet's name is now a heading, which docling's .xls reader
 * does not write; its text is otherwise the same and the table's header row is now right.
 *
 * Under `alwaysConvertToPdf` (page geometry asked for) and without LibreOffice these inputs keep the PDF
 * route (convert-to-pdf.ts), whose failures they then share. A failed conversion here fails as
 * FAILED_TO_CONVERT_TO_PDF too: Extend's one reason for "the document could not be converted".
 */
import type { DocumentFormat } from "../ingest/detect-format.ts";
import type { OleKind } from "../ingest/ole-directory.ts";
import { type ConversionRequest, sofficeInput } from "./convert-to-pdf.ts";
import { ConversionError, type SofficeTarget, sofficeConvert } from "./soffice.ts";

export type OoxmlFormat = "docx" | "xlsx" | "pptx";

const TARGETS: Record<OoxmlFormat, SofficeTarget> = {
  docx: { extension: "docx", filter: "MS Word 2007 XML", label: "DOCX" },
  xlsx: { extension: "xlsx", filter: "Calc MS Excel 2007 XML", label: "XLSX" },
  pptx: { extension: "pptx", filter: "Impress MS PowerPoint 2007 XML", label: "PPTX" },
};

const FROM_OLE: Partial<Record<OleKind, OoxmlFormat>> = { doc: "docx", xls: "xlsx", ppt: "pptx" };
const FROM_FORMAT: Partial<Record<DocumentFormat, OoxmlFormat>> = { ods: "xlsx", odp: "pptx", rtf: "docx" };

/** The Office Open XML format `request`'s input is read as, or undefined when it is not converted so. */
export function ooxmlRoute(request: ConversionRequest): OoxmlFormat | undefined {
  if (request.alwaysConvertToPdf === true || request.converter?.sofficePath === undefined) return undefined;
  const target =
    request.format === "ole" ? FROM_OLE[request.oleKind ?? "other"] : FROM_FORMAT[request.format];
  return target !== undefined && sofficeInput(request) !== undefined ? target : undefined;
}

export type OoxmlConversion =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly format: OoxmlFormat }
  | { readonly ok: false; readonly reason: "FAILED_TO_CONVERT_TO_PDF"; readonly message: string };

/** Converts per ooxmlRoute; call only when it returned a format. */
export async function convertToOoxml(
  bytes: Uint8Array,
  request: ConversionRequest,
): Promise<OoxmlConversion> {
  const format = ooxmlRoute(request);
  const input = sofficeInput(request);
  const sofficePath = request.converter?.sofficePath;
  if (
    format === undefined ||
    input === undefined ||
    sofficePath === undefined ||
    request.converter === undefined
  )
    throw new Error(`No Office Open XML conversion for ${request.format} input`);
  try {
    const converted = await sofficeConvert(bytes, input, TARGETS[format], {
      ...request.converter,
      sofficePath,
    });
    return { ok: true, bytes: converted, format };
  } catch (error) {
    if (error instanceof ConversionError)
      return { ok: false, reason: "FAILED_TO_CONVERT_TO_PDF", message: error.message };
    throw error;
  }
}
