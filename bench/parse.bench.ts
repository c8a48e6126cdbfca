/**
 * `npm run bench -- parse [--pages 300] [--write]`: engine pages/s (parse_performance, the default, and
 * parse_light) on three multi-hundred-page PDFs built by repeating corpus pages: text only (prose, no
 * images), text with figures (half the pages hold a JPEG) and table-heavy, each against raw pdf.js getTextContent on the same file in the same run, and peak RSS on a
 * 500-page PDF. Every measurement runs in its own child process (one core: pdf.js's worker runs
 * in-thread) so RSS figures do not mix. --write records the table in docs/BENCHMARKS.md.
 */
import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { ENGINE_YOUNG_GENERATION_MB } from "../src/engine/pipeline/engine-pool.ts";
import { machineSummary, provenance, upsertSection } from "./support/benchmarks-doc.ts";

export const summary =
  "engine pages/s (performance and light) vs raw pdf.js text on long text-only, text + figures and table-heavy PDFs; peak RSS";

const USAGE = `usage: npm run bench -- parse [--pages 300] [--write]

  --pages <n>   pages of each speed document (default 300; the memory check is always 500 pages)
  --write       record the table in docs/BENCHMARKS.md`;

const CORPUS = path.resolve(import.meta.dirname, "../../shared/corpus");
/** Prose pages with no images (an essay and a court transcript). */
const TEXT_ONLY_SOURCES = [
  path.join(CORPUS, "docling-groundtruth/pdf/sources/multi_page.pdf"),
  path.join(CORPUS, "pdfplumber-layout-text/pdfs/scotus-transcript-p1.pdf"),
];
/** A technical manual: half its pages hold a JPEG figure (screenshots, a cover photo). */
const TEXT_SOURCE = path.join(CORPUS, "docling-groundtruth/pdf/sources/redp5110_sampled.pdf");
const TABLE_SOURCES = ["us-018.pdf", "eu-016.pdf", "us-025.pdf"].map((name) =>
  path.join(
    CORPUS,
    "icdar2013-tables",
    name.startsWith("eu") ? "competition-dataset-eu" : "competition-dataset-us",
    name,
  ),
);

async function repeatPages(sources: readonly string[], pageCount: number): Promise<Uint8Array> {
  const output = await PDFDocument.create();
  const documents = [];
  for (const source of sources) {
    try {
      documents.push(await PDFDocument.load(await readFile(source), { ignoreEncryption: true }));
    } catch {
      // A source missing from this corpus copy is skipped; the others still make the document.
    }
  }
  if (documents.length === 0) throw new Error(`none of the sources exist: ${sources.join(", ")}`);
  while (output.getPageCount() < pageCount) {
    for (const document of documents) {
      const indices = document.getPageIndices().slice(0, pageCount - output.getPageCount());
      for (const page of await output.copyPages(document, indices)) output.addPage(page);
      if (output.getPageCount() >= pageCount) break;
    }
  }
  return output.save();
}

type Mode = "engine" | "light" | "baseline";

interface Measurement {
  readonly pages: number;
  /** Wall time. */
  readonly ms: number;
  /** CPU time of the child (user + system): what the document cost, whatever else ran beside it. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

// The child's young generation is an engine thread's (EnginePool's resource limit; a semi-space is a third
// of it): the main thread's default is four times as large and would add its garbage to the peak RSS.
const SEMI_SPACE_FLAG = `--max-semi-space-size=${ENGINE_YOUNG_GENERATION_MB / 3}`;

function measure(mode: Mode, file: string): Measurement {
  const out = execFileSync(
    process.execPath,
    [SEMI_SPACE_FLAG, path.join(import.meta.dirname, "support/parse-measure.ts"), mode, file],
    { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as Measurement;
}

const perCpuSecond = (m: Measurement) => m.pages / (m.cpuMs / 1000);
const perWallSecond = (m: Measurement) => m.pages / (m.ms / 1000);
const rate = (value: number) => value.toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;

export async function run(args: readonly string[]): Promise<number> {
  if (args.includes("--help")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const pagesAt = args.indexOf("--pages");
  const pages = (pagesAt === -1 ? 300 : Number(args[pagesAt + 1])) || 300;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const speedInputs = [
    {
      name: `text-only: ${pages} pages of docling multi_page + pdfplumber scotus-transcript-p1`,
      sources: TEXT_ONLY_SOURCES,
      pages,
    },
    { name: `text + figures: ${pages} pages of redp5110_sampled`, sources: [TEXT_SOURCE], pages },
    { name: `table-heavy: ${pages} pages of ICDAR us-018/eu-016/us-025`, sources: TABLE_SOURCES, pages },
  ];
  const rows = [
    "| document | engine pages/s (CPU) | engine ÷ raw | light pages/s (CPU) | light ÷ raw | raw pdf.js pages/s (CPU) | engine / light / raw pages/s (wall) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const input of speedInputs) {
    const file = path.join(tmpdir(), `quire-bench-${process.pid}-${Date.now()}.pdf`);
    await writeFile(file, await repeatPages(input.sources, input.pages));
    try {
      log(`${input.name}: raw pdf.js, engine, light`);
      const baseline = measure("baseline", file);
      const engine = measure("engine", file);
      const light = measure("light", file);
      const raw = perCpuSecond(baseline);
      rows.push(
        `| ${input.name} | ${rate(perCpuSecond(engine))} | ${ratio(perCpuSecond(engine) / raw)} | ${rate(perCpuSecond(light))} | ${ratio(perCpuSecond(light) / raw)} | ${rate(raw)} | ${rate(perWallSecond(engine))} / ${rate(perWallSecond(light))} / ${rate(perWallSecond(baseline))} |`,
      );
    } finally {
      await rm(file, { force: true });
    }
  }
  const memoryFile = path.join(tmpdir(), `quire-bench-${process.pid}-${Date.now()}-500.pdf`);
  await writeFile(memoryFile, await repeatPages([TEXT_SOURCE], 500));
  const memoryRows = [
    "| 500 pages of redp5110_sampled | peak RSS MB | pages/s (CPU) |",
    "| --- | ---: | ---: |",
  ];
  try {
    for (const mode of ["engine", "light", "baseline"] as const) {
      log(`500-page memory check: ${mode}`);
      const result = measure(mode, memoryFile);
      const label = {
        engine: "engine (parse_performance)",
        light: "engine (parse_light)",
        baseline: "raw pdf.js getTextContent",
      }[mode];
      memoryRows.push(`| ${label} | ${result.maxRssMb} | ${rate(perCpuSecond(result))} |`);
    }
  } finally {
    await rm(memoryFile, { force: true });
  }
  const report = [
    "Full pipeline (default parse config: markdown, figures with figure images, tables) in one thread, one",
    "document at a time; raw = pdf.js getTextContent alone on the same file in the same run. Pages/s are per",
    "CPU second of the measuring process (steady on a shared machine); the ratios are what to compare across",
    "runs. Wall-clock rates are given for reference.",
    "",
    ...rows,
    "",
    ...memoryRows,
    "",
  ].join("\n");
  process.stdout.write(report);
  if (args.includes("--write")) {
    const origin = provenance();
    await upsertSection(
      "parse",
      origin.commit,
      `parse — ${origin.date} — ${origin.commit}`,
      `- Date ${origin.date}, commit \`${origin.commit}\`. Machine: ${machineSummary()}.\n\n${report}`,
      origin.date,
    );
    log("recorded in docs/BENCHMARKS.md");
  }
  return 0;
}
