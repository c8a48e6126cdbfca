/**
 * The one place that loads pdf.js: the legacy build (the modern one expects browser globals) and the
 * document parameters every load shares. In Node, pdf.js runs its "worker" in-thread (a fake worker over a
 * loopback port), which is what we want: the engine already runs inside a worker thread of its own.
 */
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

export type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

// Font metrics for the 14 standard fonts and CMaps for CJK encodings ship with pdfjs-dist; without them
// non-embedded fonts get guessed widths and CID text decodes to nothing. pdf.js wants directory paths
// with a trailing separator.
const packageRoot = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const DATA_DIRECTORIES = {
  standardFontDataUrl: join(packageRoot, "standard_fonts") + sep,
  cMapUrl: join(packageRoot, "cmaps") + sep,
  wasmUrl: join(packageRoot, "wasm") + sep,
};

/** Starts loading a PDF. pdf.js takes ownership of `data`: its buffer is transferred (detached). */
export function loadPdf(data: Uint8Array, password: string | undefined) {
  const parameters: NonNullable<Parameters<typeof getDocument>[0]> = {
    // pdf.js refuses Buffer instances; a plain view over the same memory is accepted.
    data: Buffer.isBuffer(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data,
    ...DATA_DIRECTORIES,
    cMapPacked: true,
    // Warnings about odd fonts go to stdout and would flood worker logs; real failures reject promises.
    verbosity: VerbosityLevel.ERRORS,
    useSystemFonts: false,
    // Font objects then carry their PostScript name, the one source of bold/italic (font-style.ts).
    fontExtraProperties: true,
  };
  if (password !== undefined) parameters.password = password;
  return getDocument(parameters);
}
