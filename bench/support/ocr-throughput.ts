/**
 * The timed runs behind `npm run bench -- ocr`: N page images read one at a time and two at a time by
 * the raw `tesseract` CLI, by an OcrEngine on its own, and by the production path (EnginePool worker
 * threads running parseDocument on the image, each thread with its own one-process OCR engine). Every
 * function returns wall-clock seconds for the whole batch.
 */
import { spawn } from "node:child_process";
import type { OcrEngine, RgbaImage } from "../../src/engine/ocr/ocr-engine.ts";
import { EnginePool } from "../../src/engine/pipeline/engine-pool.ts";
import { effectiveParseConfig } from "../../src/services/parse/effective-parse-config.ts";

/** A corpus scanned PDF as uploaded, and how many pages of it are parsed. */
export interface BenchPdf {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly pages: number;
}

export interface BenchPage {
  readonly name: string;
  readonly image: RgbaImage;
  readonly png: Uint8Array;
  /** The PNG written to a temporary file, for the raw CLI. */
  readonly file: string;
}

/** Runs `work` over `items` with at most `concurrency` in flight; resolves to elapsed seconds. */
async function timed<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
  return (performance.now() - started) / 1000;
}

/** `tesseract page.png stdout --dpi 300 -l eng tsv`, one thread per process (as the engine runs it). */
export function rawCli(pages: readonly BenchPage[], concurrency: number): Promise<number> {
  return timed(pages, concurrency, (page) => runTesseract(page.file));
}

function runTesseract(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("tesseract", [file, "stdout", "--dpi", "300", "-l", "eng", "tsv"], {
      stdio: ["ignore", "ignore", "ignore"],
      env: { ...process.env, OMP_THREAD_LIMIT: "1" },
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`tesseract exited ${code}`))));
  });
}

/** The engine's recognize() on the decoded page, `concurrency` calls in flight. */
export function engineRecognize(
  engine: OcrEngine,
  pages: readonly BenchPage[],
  concurrency: number,
): Promise<number> {
  return timed(pages, concurrency, async (page) => {
    await engine.recognize(page.image, { language: "eng", dpi: 300 });
  });
}

/**
 * Production: an EnginePool of `threads` worker threads parsing each page image as an upload (default
 * config, OCR by `kind`), `threads` parses in flight. One warm-up parse per thread is not timed (thread
 * start and the OCR engine's first use).
 */
export function poolParse(
  kind: "tesseract-cli" | "tesseract-js",
  pages: readonly BenchPage[],
  threads: number,
): Promise<number> {
  const uploads = pages.map((page) => ({ name: page.name, bytes: page.png, pages: 1 }));
  return poolParseUploads(kind, "png", uploads, threads);
}

/** As poolParse, on the scanned PDFs themselves (pdf.js renders each page for OCR). */
export function poolParsePdfs(
  kind: "tesseract-cli" | "tesseract-js",
  pdfs: readonly BenchPdf[],
  threads: number,
): Promise<number> {
  return poolParseUploads(kind, "pdf", pdfs, threads);
}

async function poolParseUploads(
  kind: "tesseract-cli" | "tesseract-js",
  format: "png" | "pdf",
  uploads: readonly BenchPdf[],
  threads: number,
): Promise<number> {
  const pool = new EnginePool({ size: threads });
  const parse = async (upload: BenchPdf) => {
    // The first `pages` pages (maxPages would refuse a longer document).
    const config = effectiveParseConfig({
      advancedOptions: { pageRanges: [{ start: 1, end: upload.pages }] },
    });
    const outcome = await pool.run({
      bytes: upload.bytes.slice(),
      options: { format, maxPages: 1000, chunking: "document", config, ocr: { engine: kind } },
    });
    if (outcome.status === "failure") throw new Error(`${upload.name}: ${outcome.failureMessage}`);
  };
  try {
    await Promise.all(Array.from({ length: threads }, () => parse(uploads[0]!)));
    return await timed(uploads, threads, parse);
  } finally {
    await pool.close();
  }
}
