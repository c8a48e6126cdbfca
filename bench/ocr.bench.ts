/**
 * `npm run bench -- ocr`: seconds per page at 300 DPI for each OcrEngine (tesseract CLI, tesseract.js) on
 * corpus scan pages, the ratio to running the `tesseract` CLI by hand on the same page image in the same
 * run, and pages/s with both cores busy (two pages at a time).
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import type { OcrEngine, RgbaImage } from "../src/engine/ocr/ocr-engine.ts";
import { TesseractCliOcrEngine } from "../src/engine/ocr/tesseract-cli-ocr-engine.ts";
import { TesseractJsOcrEngine } from "../src/engine/ocr/tesseract-js-ocr-engine.ts";
import { loadPdf } from "../src/engine/pdf/pdfjs.ts";
import { renderPdfPage } from "../src/engine/pdf/render-page.ts";

export const summary =
  "OCR s/page at 300 DPI per engine, ratio to the raw tesseract CLI, pages/s on both cores";

const SOURCES = path.resolve(import.meta.dirname, "../../shared/corpus/docling-groundtruth/ocr/sources");
const DOCUMENTS = ["ocr_test.pdf", "nemotron_multipage.pdf", "sample_with_rotation_mismatch.pdf"];

interface Page {
  readonly name: string;
  readonly image: RgbaImage;
  readonly png: Uint8Array;
}

async function renderPages(): Promise<Page[]> {
  const pages: Page[] = [];
  for (const name of DOCUMENTS) {
    const { promise } = loadPdf(new Uint8Array(await readFile(path.join(SOURCES, name))), undefined);
    const document = await promise;
    for (let number = 1; number <= Math.min(2, document.numPages); number++) {
      const page = await document.getPage(number);
      const rendered = await renderPdfPage(page, { dpi: 300, png: true });
      pages.push({ name: `${name} p${number}`, image: rendered, png: rendered.png! });
      page.cleanup();
    }
    await document.cleanup();
  }
  return pages;
}

async function timeEach(engine: OcrEngine, pages: readonly Page[]): Promise<number[]> {
  const seconds: number[] = [];
  for (const page of pages) {
    const started = performance.now();
    await engine.recognize(page.image, { language: "eng", dpi: 300 });
    seconds.push((performance.now() - started) / 1000);
  }
  return seconds;
}

async function pagesPerSecondOnAllCores(engine: OcrEngine, pages: readonly Page[]): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: availableParallelism() }, async () => {
      while (next < pages.length) await engine.recognize(pages[next++]!.image, { language: "eng", dpi: 300 });
    }),
  );
  return pages.length / ((performance.now() - started) / 1000);
}

export async function run(): Promise<number> {
  const pages = await renderPages();
  const directory = await mkdtemp(path.join(tmpdir(), "quire-bench-ocr-"));
  try {
    const raw: number[] = [];
    for (const [index, page] of pages.entries()) {
      const file = path.join(directory, `${index}.png`);
      await writeFile(file, page.png);
      const started = performance.now();
      execFileSync("tesseract", [file, "stdout", "--dpi", "300", "-l", "eng", "tsv"], {
        stdio: ["ignore", "ignore", "ignore"],
        env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      });
      raw.push((performance.now() - started) / 1000);
    }
    const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const rows = [
      "| engine | s/page (mean) | ratio to raw tesseract CLI | pages/s, all cores |",
      "| --- | --- | --- | --- |",
      `| raw \`tesseract\` CLI on the PNG | ${mean(raw).toFixed(2)} | 1.00 | — |`,
    ];
    for (const [label, make] of [
      ["TesseractCliOcrEngine", () => new TesseractCliOcrEngine({ concurrency: availableParallelism() })],
      ["TesseractJsOcrEngine", () => new TesseractJsOcrEngine({ workers: availableParallelism() })],
    ] as const) {
      const engine = make();
      try {
        await engine.recognize(pages[0]!.image, { language: "eng", dpi: 300 }); // warm-up (worker start)
        const seconds = await timeEach(engine, pages);
        const parallel = await pagesPerSecondOnAllCores(engine, pages);
        rows.push(
          `| ${label} | ${mean(seconds).toFixed(2)} | ${(mean(seconds) / mean(raw)).toFixed(2)} | ${parallel.toFixed(2)} |`,
        );
      } finally {
        await engine.close();
      }
    }
    process.stdout.write(
      `${pages.length} pages: ${pages.map((page) => page.name).join(", ")}\n${rows.join("\n")}\n`,
    );
    return 0;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
