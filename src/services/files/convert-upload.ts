/**
 * PDF conversion of uploads (POST /files/upload). Extend: "If an uploaded file is detected as a Word
 * or PowerPoint document, it will be automatically converted to a PDF", and `convertToPdf` extends that
 * to images, Excel and HTML. So:
 *  - Word (DOCX, DOC, ODT) and PowerPoint (PPTX, PPT, ODP) uploads become PDFs without the flag, when
 *    LibreOffice is installed; without it they are kept as uploaded (Quire parses them natively or
 *    reports FILE_TYPE_NOT_SUPPORTED at parse time), since refusing every Word upload would be worse.
 *  - `convertToPdf=true` also converts images (sharp → pdf-lib), Excel (XLSX, XLS, ODS) and HTML; a
 *    requested conversion that cannot happen (no LibreOffice) fails rather than silently not converting.
 *  - The File returned is the PDF (type PDF, name with .pdf, metadata.pageCount); the original is not
 *    kept: Extend's upload returns one File, FileType has no PowerPoint value because such uploads are
 *    PDFs, and no endpoint could reach a kept original. A failed conversion stores nothing (422).
 * Conversion runs in a LibreOffice child process (images on sharp's thread pool), never on the event loop.
 */
import { PDFDocument } from "pdf-lib";
import {
  type ConversionRequest,
  conversionRoute,
  convertToPdf,
  IMAGE_FORMATS,
} from "../../engine/convert/convert-to-pdf.ts";
import { checkContainer, oleKind } from "../../engine/ingest/container-checks.ts";
import {
  DETECTION_HEAD_BYTES,
  type DocumentFormat,
  detectFormat,
} from "../../engine/ingest/detect-format.ts";
import type { OleKind } from "../../engine/ingest/ole-directory.ts";
import { AppError } from "../../shared/app-error.ts";
import type { FileRecord } from "../../storage/repositories/file-repository.ts";
import type { ServiceContext } from "../context.ts";
import { deleteFile } from "./delete-file.ts";
import { storeFile } from "./store-file.ts";

const WORD_OR_POWERPOINT: ReadonlySet<DocumentFormat> = new Set(["docx", "pptx", "odt", "odp"]);
const ON_REQUEST: ReadonlySet<DocumentFormat> = new Set(["xlsx", "ods", "html", ...IMAGE_FORMATS]);

/** FileTypes that may convert (PowerPoint, ODP and legacy OLE files have none: null). */
const CANDIDATE_TYPES: ReadonlySet<string> = new Set(["DOCX", "EXCEL", "HTML", "IMG"]);

/**
 * Replaces the stored upload `file` by its PDF when it is to be converted (see the module comment);
 * returns `file` unchanged otherwise. On failure the upload is deleted and a 422 is thrown.
 */
export async function convertUpload(
  ctx: ServiceContext,
  file: FileRecord,
  requested: boolean,
): Promise<FileRecord> {
  // PDFs, CSV, text and XML never convert: do not read them back.
  if (file.type !== null && !CANDIDATE_TYPES.has(file.type)) return file;
  const bytes = await ctx.blobs.getBytes(file.blobKey);
  const format = detectFormat(bytes.subarray(0, DETECTION_HEAD_BYTES), file.name).format;
  const fail = async (message: string): Promise<never> => {
    await deleteFile(ctx, file.workspaceId, file.id);
    throw new AppError("FAILED_TO_CONVERT_TO_PDF", `${file.name} could not be converted to PDF: ${message}`);
  };
  let kind: OleKind | undefined;
  if (format === "ole") {
    const classified = oleKind(bytes);
    if (typeof classified !== "string") {
      // A password-protected or damaged legacy Office file: kept as uploaded (parsing reports why)
      // unless a conversion was asked for, which cannot happen.
      if (!requested) return file;
      return fail(classified.message);
    }
    kind = classified;
  }
  const automatic = WORD_OR_POWERPOINT.has(format) || kind === "doc" || kind === "ppt";
  if (!automatic && !(requested && (ON_REQUEST.has(format) || kind === "xls"))) return file;

  const request: ConversionRequest = {
    format,
    oleKind: kind,
    alwaysConvertToPdf: true,
    converter: ctx.settings.pdfConverter,
  };
  const route = conversionRoute(request);
  // No route for DOCX/PPTX/XLSX/HTML means no LibreOffice; ODF and legacy Office route to it regardless.
  if (route === undefined || (route === "soffice" && ctx.settings.pdfConverter?.sofficePath === undefined)) {
    if (!requested) return file;
    return fail("LibreOffice, which converts Office and HTML files, is not installed on this server");
  }
  const blocked = checkContainer(bytes, format);
  if (blocked !== undefined) {
    // A zip bomb or a password-protected file: keep an automatic upload as it is (parsing reports it).
    if (!requested) return file;
    return fail(blocked.message);
  }
  const converted = await convertToPdf(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    request,
  );
  if (!converted.ok) return fail(converted.message);
  const pageCount = (
    await PDFDocument.load(converted.pdf, { ignoreEncryption: true, updateMetadata: false })
  ).getPageCount();
  const pdf = await storeFile(ctx, {
    workspaceId: file.workspaceId,
    source: converted.pdf,
    fileName: pdfName(file.name),
    password: undefined,
    parentFileId: file.parentFileId ?? undefined,
    metadata: { pageCount },
  });
  await deleteFile(ctx, file.workspaceId, file.id);
  return pdf;
}

/** "report.docx" → "report.pdf"; a name without an extension gains one. */
export function pdfName(name: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  return `${base === "" ? "file" : base}.pdf`;
}
