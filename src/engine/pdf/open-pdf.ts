/**
 * Opens a PDF as a DocumentSource and classifies why it cannot be: password-protected, corrupt (invalid,
 * truncated beyond repair, no pages) or too many pages. The page limit is checked from the page tree's
 * count before any page is parsed.
 */
import type { OpenSourceResult } from "../document/document-source.ts";
import { PdfDocumentSource } from "./pdf-document-source.ts";
import { loadPdf } from "./pdfjs.ts";

export interface OpenPdfOptions {
  /** User or owner password for encrypted PDFs. */
  readonly password?: string | undefined;
  /** Documents with more pages fail with FILE_SIZE_TOO_LARGE. */
  readonly maxPages: number;
  /** Read each page's vector paths and images (the operator list); default true. */
  readonly vectorGraphics?: boolean | undefined;
}

// pdf.js PasswordException codes (PasswordResponses).
const NEED_PASSWORD = 1;
const INCORRECT_PASSWORD = 2;

/** Opens `bytes` (whose buffer pdf.js takes over: it is detached afterwards). */
export async function openPdf(bytes: Uint8Array, options: OpenPdfOptions): Promise<OpenSourceResult> {
  if (bytes.byteLength === 0) return { ok: false, reason: "CORRUPT_FILE", message: "The PDF file is empty" };
  let task: ReturnType<typeof loadPdf>;
  try {
    task = loadPdf(bytes, options.password);
  } catch (error) {
    return { ok: false, reason: "CORRUPT_FILE", message: `The PDF could not be read: ${messageOf(error)}` };
  }
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    return classifyLoadError(error, options.password);
  }
  const pageCount = document.numPages;
  if (pageCount === 0) {
    // A PDF without pages is unusable for every downstream product (nothing to extract, split or
    // classify), and an empty success would bill 0 pages silently; it is reported as corrupt instead.
    await task.destroy();
    return { ok: false, reason: "CORRUPT_FILE", message: "The PDF has no pages" };
  }
  if (pageCount > options.maxPages) {
    await task.destroy();
    return {
      ok: false,
      reason: "FILE_SIZE_TOO_LARGE",
      message: `The PDF has ${pageCount} pages; the limit is ${options.maxPages}`,
    };
  }
  return {
    ok: true,
    source: new PdfDocumentSource(task, document, { vectorGraphics: options.vectorGraphics !== false }),
  };
}

function classifyLoadError(error: unknown, password: string | undefined): OpenSourceResult {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") {
    const code = (error as { code?: unknown }).code;
    const wrong = code === INCORRECT_PASSWORD || (code !== NEED_PASSWORD && password !== undefined);
    return {
      ok: false,
      reason: "PASSWORD_PROTECTED_FILE",
      message: wrong
        ? "The PDF is password-protected and the password given is incorrect"
        : "The PDF is password-protected; provide its password",
    };
  }
  // InvalidPDFException (no usable structure, empty, truncated beyond repair) and anything else pdf.js
  // raises while reading the document structure mean the bytes are not a readable PDF.
  return { ok: false, reason: "CORRUPT_FILE", message: `The PDF could not be read: ${messageOf(error)}` };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
