/**
 * `npm run bench -- parse`: engine pages/s on a text-heavy and a table-heavy multi-hundred-page PDF
 * (built by repeating corpus pages), each against raw pdf.js getTextContent on the same file in the same
 * run, and peak RSS. Every measurement runs in its own child process so RSS figures do not mix.
 */
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";

export const summary = "engine pages/s vs raw pdf.js text on long text-heavy and table-heavy PDFs; peak RSS";

const CORPUS = path.resolve(import.meta.dirname, "../../shared/corpus");
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

interface Measurement {
  readonly pages: number;
  readonly ms: number;
  readonly maxRssMb: number;
}

function measure(mode: "engine" | "baseline", file: string): Measurement {
  const out = execFileSync(
    process.execPath,
    [path.join(import.meta.dirname, "support/parse-measure.ts"), mode, file],
    {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as Measurement;
}

export async function run(args: readonly string[]): Promise<number> {
  const pages = Number(args[args.indexOf("--pages") + 1] ?? 300) || 300;
  const inputs = [
    {
      name: `text-heavy (${pages} pages of redp5110_sampled)`,
      bytes: await repeatPages([TEXT_SOURCE], pages),
    },
    {
      name: `table-heavy (${pages} pages of ICDAR us-018/eu-016/us-025)`,
      bytes: await repeatPages(TABLE_SOURCES, pages),
    },
    { name: "500-page memory check (redp5110_sampled)", bytes: await repeatPages([TEXT_SOURCE], 500) },
  ];
  const rows: string[] = [
    "| document | engine pages/s | raw pdf.js pages/s | engine / raw | engine peak RSS MB | raw peak RSS MB |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const input of inputs) {
    const file = path.join(tmpdir(), `quire-bench-${Date.now()}.pdf`);
    await writeFile(file, input.bytes);
    const baseline = measure("baseline", file);
    const engine = measure("engine", file);
    const engineRate = engine.pages / (engine.ms / 1000);
    const rawRate = baseline.pages / (baseline.ms / 1000);
    rows.push(
      `| ${input.name} | ${engineRate.toFixed(1)} | ${rawRate.toFixed(1)} | ${(engineRate / rawRate).toFixed(2)} | ${engine.maxRssMb} | ${baseline.maxRssMb} |`,
    );
  }
  process.stdout.write(`${rows.join("\n")}\n`);
  return 0;
}
