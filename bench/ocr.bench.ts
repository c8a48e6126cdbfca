/**
 * `npm run bench -- ocr [--write] [--rounds n]`: OCR throughput at 300 DPI on corpus scan pages, as
 * ratios within one run. Per page: each OcrEngine against the raw `tesseract` CLI on the same image.
 * With both cores busy: two at a time vs one at a time, for the raw CLI (two processes), the engine on
 * its own (its process/worker pool of 2) and the production path (EnginePool threads parsing the page
 * images, one OCR engine per thread). The machine is shared: every measurement records how busy the
 * cores were just before it.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { OcrEngine } from "../src/engine/ocr/ocr-engine.ts";
import { TesseractCliOcrEngine } from "../src/engine/ocr/tesseract-cli-ocr-engine.ts";
import { TesseractJsOcrEngine } from "../src/engine/ocr/tesseract-js-ocr-engine.ts";
import { loadPdf } from "../src/engine/pdf/pdfjs.ts";
import { renderPdfPage } from "../src/engine/pdf/render-page.ts";
import { provenance, upsertSection } from "./support/benchmarks-doc.ts";
import {
  type BenchPage,
  type BenchPdf,
  engineRecognize,
  poolParse,
  poolParsePdfs,
  rawCli,
} from "./support/ocr-throughput.ts";
import { onOneCore } from "./support/one-core.ts";
import { machineBusyShare } from "./support/quiet-machine.ts";

export const summary =
  "OCR s/page at 300 DPI per engine vs the raw tesseract CLI; pages/s on two cores vs one";

const SOURCES = path.resolve(import.meta.dirname, "../../shared/corpus/docling-groundtruth/ocr/sources");
const DOCUMENTS = ["ocr_test.pdf", "nemotron_multipage.pdf", "sample_with_rotation_mismatch.pdf"];

const USAGE = `usage: npm run bench -- ocr [--write] [--rounds <n>]

  --write        record the figures in docs/BENCHMARKS.md
  --rounds <n>   read the page set n times per measurement (default 2: 8 pages)`;

async function renderPages(directory: string): Promise<{ pages: BenchPage[]; pdfs: BenchPdf[] }> {
  const pages: BenchPage[] = [];
  const pdfs: BenchPdf[] = [];
  for (const name of DOCUMENTS) {
    const bytes = new Uint8Array(await readFile(path.join(SOURCES, name)));
    const { promise } = loadPdf(bytes.slice(), undefined);
    const document = await promise;
    pdfs.push({ name, bytes, pages: Math.min(2, document.numPages) });
    for (let number = 1; number <= Math.min(2, document.numPages); number++) {
      const page = await document.getPage(number);
      const rendered = await renderPdfPage(page, { dpi: 300, png: true });
      const file = path.join(directory, `${pages.length}.png`);
      await writeFile(file, rendered.png!);
      pages.push({ name: `${name} p${number}`, image: rendered, png: rendered.png!, file });
      page.cleanup();
    }
    await document.cleanup();
  }
  return { pages, pdfs };
}

interface Row {
  readonly label: string;
  readonly one: number;
  /** The same batch one at a time with the whole process on one CPU (undefined: could not pin). */
  readonly oneCore: number | undefined;
  readonly two: number;
  readonly busy: readonly (number | undefined)[];
}

export async function run(args: readonly string[]): Promise<number> {
  if (args.includes("--help")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const roundsAt = args.indexOf("--rounds");
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 2;
  if (!Number.isInteger(rounds) || rounds < 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const directory = await mkdtemp(path.join(tmpdir(), "quire-bench-ocr-"));
  try {
    const { pages: unique, pdfs: uniquePdfs } = await renderPages(directory);
    const pages = Array.from({ length: rounds }, () => unique).flat();
    // The same pages as the PDFs they are scans in (the production input), the set read `rounds` times.
    const pdfs = Array.from({ length: rounds }, () => uniquePdfs).flat();
    const n = pages.length;
    const rows: Row[] = [];
    const measure = async (label: string, one: () => Promise<number>, two: () => Promise<number>) => {
      const busyBefore = await machineBusyShare();
      const oneSeconds = await one();
      const oneCoreSeconds = await onOneCore(one);
      const busyBetween = await machineBusyShare();
      const twoSeconds = await two();
      rows.push({
        label,
        one: oneSeconds,
        oneCore: oneCoreSeconds,
        two: twoSeconds,
        busy: [busyBefore, busyBetween],
      });
      const pinned = oneCoreSeconds === undefined ? "?" : (n / oneCoreSeconds).toFixed(2);
      log(
        `${label}: ${(oneSeconds / n).toFixed(2)} s/page alone, ${pinned} pages/s on one core, ${(n / twoSeconds).toFixed(2)} pages/s two at a time`,
      );
    };
    await rawCli(pages.slice(0, 1), 1); // warm the file cache and tesseract's data
    await measure(
      "raw `tesseract` CLI (processes)",
      () => rawCli(pages, 1),
      () => rawCli(pages, 2),
    );
    const engines: Array<[string, "tesseract-cli" | "tesseract-js", (n: number) => OcrEngine]> = [
      ["TesseractCliOcrEngine", "tesseract-cli", (size) => new TesseractCliOcrEngine({ concurrency: size })],
      ["TesseractJsOcrEngine", "tesseract-js", (size) => new TesseractJsOcrEngine({ workers: size })],
    ];
    for (const [label, kind, make] of engines) {
      if (kind === "tesseract-cli" && !(await new TesseractCliOcrEngine().isAvailable())) continue;
      await measure(
        `${label}.recognize (pool of 1 / 2)`,
        () => withEngine(make(1), pages, 1),
        () => withEngine(make(2), pages, 2),
      );
      await measure(
        `parse in EnginePool, OCR ${kind} (1 / 2 threads)`,
        () => poolParse(kind, pages, 1),
        () => poolParse(kind, pages, 2),
      );
      if (kind === "tesseract-cli")
        await measure(
          `parse of the scanned PDFs in EnginePool, OCR ${kind} (1 / 2 threads)`,
          () => poolParsePdfs(kind, pdfs, 1),
          () => poolParsePdfs(kind, pdfs, 2),
        );
    }
    const report = renderReport(rows, unique, rounds);
    process.stdout.write(report);
    if (args.includes("--write")) {
      const origin = provenance();
      await upsertSection(
        "ocr",
        "throughput",
        `ocr — ${origin.date} — 300 DPI — ${origin.commit}`,
        report,
        origin.date,
      );
      log("recorded in docs/BENCHMARKS.md");
    }
    return 0;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** One warm-up call per worker (process start, model load), then the timed batch. */
async function withEngine(
  engine: OcrEngine,
  pages: readonly BenchPage[],
  concurrency: number,
): Promise<number> {
  try {
    await Promise.all(
      Array.from({ length: concurrency }, () =>
        engine.recognize(pages[0]!.image, { language: "eng", dpi: 300 }),
      ),
    );
    return await engineRecognize(engine, pages, concurrency);
  } finally {
    await engine.close();
  }
}

function renderReport(rows: readonly Row[], unique: readonly BenchPage[], rounds: number): string {
  const n = unique.length * rounds;
  const raw = rows[0]!;
  const percent = (share: number | undefined) => (share === undefined ? "?" : `${Math.round(share * 100)}%`);
  const lines = [
    `\`npm run bench -- ocr\`: ${unique.length} corpus scan pages (${unique.map((page) => page.name).join(", ")}) ` +
      `rendered at 300 DPI, read ${rounds}× (${n} pages per measurement). "alone": one page at a time; "two at ` +
      `a time": two in flight — two tesseract processes, the engine's pool of 2, or an EnginePool of 2 threads ` +
      `each with its own OCR engine (production). The EnginePool parses each page image as a PNG upload, ` +
      `and the scanned-PDF row the same pages as the PDFs they are in (the production input: pdf.js renders ` +
      `each page, and the barcode scan covers the whole page; a document at a time per thread). "One core": ` +
      `the same one-at-a-time batch with every thread of the bench process (and so the engine threads and ` +
      `tesseract processes it starts) pinned to one CPU with taskset, so the second core's share shows: "two ` +
      `cores ÷ one core" is the throughput gained from the second core. Default ` +
      `config (\`pageRotationEnabled\` on: an upright page is read once). Warm-up reads are not timed. Background load: share of ` +
      `both cores busy just before each half, from /proc/stat — other sessions share this machine, so compare ` +
      `ratios within the run, not absolute figures across runs.`,
    "",
    "| reader | s/page alone | ratio to raw CLI alone | pages/s on one core | pages/s two at a time | two at a time ÷ alone | two cores ÷ one core | ratio to raw CLI two at a time | background load before (alone, two) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows
      .map((row) =>
        [
          row.label,
          (row.one / n).toFixed(2),
          (row.one / raw.one).toFixed(2),
          row.oneCore === undefined ? "—" : (n / row.oneCore).toFixed(2),
          (n / row.two).toFixed(2),
          `${(row.one / row.two).toFixed(2)}×`,
          row.oneCore === undefined ? "—" : `${(row.oneCore / row.two).toFixed(2)}×`,
          (row.two / raw.two).toFixed(2),
          row.busy.map(percent).join(", "),
        ].join(" | "),
      )
      .map((line) => `| ${line} |`),
    "",
    "Ratios to the raw CLI are time ratios (below 1 is faster than the raw CLI).",
  ];
  return `${lines.join("\n")}\n`;
}
