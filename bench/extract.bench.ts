/**
 * `npm run bench -- extract [--runs 5] [--write]`: the local extraction engine on the invoice2data PDFs,
 * in one run — latency per page of a whole local extraction (fresh parse + extraction in the worker
 * pool), and where the time goes: a fresh parse (engine, one thread) or a cached one (the stored parse
 * output read back: JSON), then the extraction in-thread and through the worker pool (cloning the parse
 * to the worker and the output back). Schemas are inferred from each invoice's expected JSON.
 * Extraction figures are the median of `--runs` runs per document after one warm-up.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Extend } from "extend-ai";
import { inferSchemaFromValue, validateExtractionSchema } from "../src/domain/extraction-schema/index.ts";
import { parseDocument } from "../src/engine/pipeline/parse-document.ts";
import type { DocumentWord, ExtractionRequest } from "../src/providers/extraction/field-extractor.ts";
import { LocalFieldExtractor } from "../src/providers/extraction/local/local-field-extractor.ts";
import { invoiceCases } from "../src/providers/extraction/local/test-support/invoice2data.ts";
import { CORPUS_ROOT } from "../src/providers/extraction/local/test-support/parsed-corpus.ts";
import { effectiveParseConfig } from "../src/services/parse/effective-parse-config.ts";
import { machineSummary, provenance, upsertSection } from "./support/benchmarks-doc.ts";

export const summary =
  "local extraction latency/page; parse (fresh or cached) vs extraction (in-thread, worker pool) shares";

const USAGE = `usage: npm run bench -- extract [--runs 5] [--write]

  --runs N   extraction runs per document (median; one warm-up first), default 5
  --write    add/update today's section in docs/BENCHMARKS.md`;

interface DocumentFigures {
  readonly name: string;
  readonly pages: number;
  readonly freshParseMs: number;
  readonly cachedParseMs: number;
  readonly inThreadMs: number;
  readonly pooledMs: number;
}

export async function run(args: readonly string[]): Promise<number> {
  let values: { runs?: string; write?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { runs: { type: "string" }, write: { type: "boolean" }, help: { type: "boolean" } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const runs = Number(values.runs ?? 5);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`--runs must be a positive integer\n\n${USAGE}\n`);
    return 2;
  }
  const inThread = new LocalFieldExtractor({ threads: "in-thread" });
  const pooled = new LocalFieldExtractor({ threads: 1 });
  const figures: DocumentFigures[] = [];
  try {
    for (const invoice of invoiceCases()) {
      if (!invoice.file.endsWith(".pdf")) continue;
      figures.push(await measure(invoice.name, invoice.file, invoice.expected, runs, inThread, pooled));
      process.stderr.write(`extract ${invoice.name}\n`);
    }
  } finally {
    await pooled.close();
  }
  const report = render(figures, runs);
  process.stdout.write(report);
  if (values.write === true) {
    const origin = provenance();
    // One section a day: a rerun (another commit, a quieter machine) replaces it.
    await upsertSection(
      "extract",
      "invoice2data",
      `extract — ${origin.date} — local engine on invoice2data — ${origin.commit}`,
      report,
      origin.date,
    );
    process.stderr.write("recorded in docs/BENCHMARKS.md\n");
  }
  return 0;
}

async function measure(
  name: string,
  file: string,
  expected: Record<string, unknown>,
  runs: number,
  inThread: LocalFieldExtractor,
  pooled: LocalFieldExtractor,
): Promise<DocumentFigures> {
  const bytes = new Uint8Array(await readFile(fileURLToPath(new URL(file, CORPUS_ROOT))));
  const config = effectiveParseConfig({ advancedOptions: { returnOcr: { words: true } } });
  const parseStarted = performance.now();
  const outcome = await parseDocument(bytes, { format: "pdf", maxPages: 1000, chunking: "page", config });
  const freshParseMs = performance.now() - parseStarted;
  if (outcome.status === "failure") throw new Error(`${name}: ${outcome.failureMessage}`);
  // A cached parse is the stored output read back: its JSON parsed again.
  const stored = JSON.stringify(outcome.output);
  const cachedParseMs = median(
    repeat(runs, () => {
      const started = performance.now();
      JSON.parse(stored);
      return performance.now() - started;
    }),
  );
  const output = JSON.parse(stored) as Extend.ParseRunOutput;
  const request: ExtractionRequest = {
    schema: validateExtractionSchema(inferSchemaFromValue(expected)),
    documents: [{ fileId: undefined, parse: output, words: wordsOf(output) }],
    extractionRules: undefined,
    options: {
      citationsEnabled: true,
      citationMode: "line",
      arrayCitationStrategy: "item",
      modelReasoningInsightsEnabled: false,
      arrayStrategy: undefined,
    },
  };
  const timeOf = async (extractor: LocalFieldExtractor): Promise<number> => {
    await extractor.extract(request); // warm-up (and, for the pool, its thread's start)
    const times: number[] = [];
    for (let index = 0; index < runs; index++) {
      const started = performance.now();
      await extractor.extract(request);
      times.push(performance.now() - started);
    }
    return median(times);
  };
  return {
    name,
    pages: outcome.pageCount,
    freshParseMs,
    cachedParseMs,
    inThreadMs: await timeOf(inThread),
    pooledMs: await timeOf(pooled),
  };
}

function wordsOf(output: Extend.ParseRunOutput): DocumentWord[] {
  return (output.ocr?.words ?? []).map((word) => ({
    content: word.content,
    pageNumber: word.pageNumber,
    boundingBox: {
      left: word.boundingBox.left ?? 0,
      top: word.boundingBox.top ?? 0,
      right: word.boundingBox.right ?? 0,
      bottom: word.boundingBox.bottom ?? 0,
    },
    confidence: word.confidence,
  }));
}

function render(figures: readonly DocumentFigures[], runs: number): string {
  const pages = figures.reduce((sum, figure) => sum + figure.pages, 0);
  const perPage = (pick: (figure: DocumentFigures) => number) =>
    figures.reduce((sum, figure) => sum + pick(figure), 0) / Math.max(1, pages);
  const fresh = perPage((figure) => figure.freshParseMs);
  const cached = perPage((figure) => figure.cachedParseMs);
  const inThread = perPage((figure) => figure.inThreadMs);
  const pooled = perPage((figure) => figure.pooledMs);
  const share = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
  const latencies = figures.map((figure) => (figure.freshParseMs + figure.pooledMs) / figure.pages);
  const cachedLatencies = figures.map((figure) => (figure.cachedParseMs + figure.pooledMs) / figure.pages);
  const fmt = (value: number) => value.toFixed(1);
  return [
    `\`npm run bench -- extract\`: ${figures.length} invoice2data PDFs (${pages} pages), schema inferred from each`,
    `expected JSON; parse with words (\`returnOcr.words\`) in one thread; extraction median of ${runs} runs after a`,
    `warm-up, in-thread and through the LocalFieldExtractor's worker pool (1 thread). ${machineSummary()}.`,
    "",
    "| step | ms/page | share, fresh parse | share, cached parse |",
    "| --- | --- | --- | --- |",
    `| parse, fresh (engine, one thread) | ${fmt(fresh)} | ${share(fresh, fresh + pooled)} | – |`,
    `| parse, cached (stored output read back) | ${fmt(cached)} | – | ${share(cached, cached + pooled)} |`,
    `| extract, worker pool (as the API runs it) | ${fmt(pooled)} | ${share(pooled, fresh + pooled)} | ${share(pooled, cached + pooled)} |`,
    `| extract, in-thread (the work itself) | ${fmt(inThread)} | | |`,
    "",
    "Latency per page of a local extraction (parse + pooled extraction), per document:",
    "",
    "| parse | mean ms/page | max ms/page |",
    "| --- | --- | --- |",
    `| fresh | ${fmt(mean(latencies))} | ${fmt(Math.max(...latencies))} |`,
    `| cached | ${fmt(mean(cachedLatencies))} | ${fmt(Math.max(...cachedLatencies))} |`,
    "",
    "| document | pages | fresh parse ms | cached parse ms | extract in-thread ms | extract pooled ms |",
    "| --- | --- | --- | --- | --- | --- |",
    ...figures.map(
      (figure) =>
        `| ${figure.name} | ${figure.pages} | ${fmt(figure.freshParseMs)} | ${fmt(figure.cachedParseMs)} | ${fmt(figure.inThreadMs)} | ${fmt(figure.pooledMs)} |`,
    ),
    "",
  ].join("\n");
}

function repeat(times: number, measureOnce: () => number): number[] {
  return Array.from({ length: times }, measureOnce);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}
