/**
 * `npm run eval -- ocr [--write]`: the OCR quality suite. CER/WER on tesseract-ocr-gt (rotated copies
 * included), word recall/precision/IoU on FUNSD, and the docling ocr_test*.pdf rotation smoke check, for
 * each available OCR engine, through the full parse and the raw OcrEngine, with the raw `tesseract` CLI
 * as the baseline in the same run. With --write records the report in docs/QUALITY.md.
 */
import type { OcrEngine } from "../src/engine/ocr/ocr-engine.ts";
import { TesseractCliOcrEngine } from "../src/engine/ocr/tesseract-cli-ocr-engine.ts";
import { TesseractJsOcrEngine } from "../src/engine/ocr/tesseract-js-ocr-engine.ts";
import { EnginePool } from "../src/engine/pipeline/engine-pool.ts";
import { evaluateDoclingOcr } from "./ocr/docling-ocr.ts";
import { evaluateFunsd } from "./ocr/funsd.ts";
import type { OcrEngineKind } from "./ocr/ocr-runs.ts";
import { renderOcrReport } from "./ocr/report.ts";
import { evaluateTesseractGt } from "./ocr/tesseract-gt.ts";
import { DEFAULT_CORPUS } from "./support/corpus.ts";
import { provenance, QUALITY_DOC, writeQualitySection } from "./support/quality-doc.ts";

export const summary =
  "OCR CER/WER (tesseract-ocr-gt), FUNSD word recall, rotation smoke; vs raw tesseract CLI";

const KINDS: readonly OcrEngineKind[] = ["tesseract-cli", "tesseract-js"];

const USAGE = `usage: npm run eval -- ocr [--write] [--corpus <dir>] [--engine <kind>] [--funsd <n>] [--quiet]

  --write          replace the ocr section of docs/QUALITY.md with this run's figures
  --corpus <dir>   the shared corpus (default: ${DEFAULT_CORPUS})
  --engine <kind>  only this OCR engine (${KINDS.join(", ")}); default every available one
  --funsd <n>      score the first n FUNSD forms only (default all 50; 0 skips FUNSD)
  --quiet          no per-image progress on stderr`;

export async function run(args: readonly string[]): Promise<number> {
  if (args.includes("--help")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let corpus = DEFAULT_CORPUS;
  let only: OcrEngineKind | undefined;
  let funsdLimit = Number.POSITIVE_INFINITY;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const value = args[index + 1];
    if (arg === "--corpus" && value !== undefined) {
      corpus = value;
      index++;
    } else if (arg === "--engine" && KINDS.includes(value as OcrEngineKind)) {
      only = value as OcrEngineKind;
      index++;
    } else if (arg === "--funsd" && value !== undefined && /^\d+$/u.test(value)) {
      funsdLimit = Number(value);
      index++;
    } else if (arg !== "--write" && arg !== "--quiet") {
      process.stderr.write(`unknown or incomplete flag: ${arg}\n\n${USAGE}\n`);
      return 2;
    }
  }
  const log = args.includes("--quiet") ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const engines = new Map<OcrEngineKind, { engine: OcrEngine; pool: EnginePool }>();
  try {
    for (const kind of KINDS) {
      if (only !== undefined && kind !== only) continue;
      const engine = await makeEngine(kind);
      if (engine === undefined) {
        log(`${kind}: not available, skipped`);
        continue;
      }
      // One engine thread, as a one-core server runs parses: its figures are the production path's.
      engines.set(kind, { engine, pool: new EnginePool({ size: 1 }) });
    }
    const gt = await evaluateTesseractGt(corpus, engines, log);
    const funsd = funsdLimit > 0 ? await evaluateFunsd(corpus, engines, log, funsdLimit) : undefined;
    const pools = new Map([...engines].map(([kind, { pool }]) => [kind, pool] as const));
    const docling = await evaluateDoclingOcr(corpus, pools, log);
    const report = renderOcrReport(
      { engines: [...engines.keys()], gt, funsd, docling, totalMs: performance.now() - started },
      provenance(),
    );
    process.stdout.write(report);
    if (args.includes("--write")) {
      await writeQualitySection("ocr", report);
      log(`recorded in ${QUALITY_DOC}`);
    }
    return 0;
  } finally {
    for (const { engine, pool } of engines.values()) await Promise.all([engine.close(), pool.close()]);
  }
}

async function makeEngine(kind: OcrEngineKind): Promise<OcrEngine | undefined> {
  if (kind === "tesseract-js") return new TesseractJsOcrEngine({ workers: 1 });
  const cli = new TesseractCliOcrEngine({ concurrency: 1 });
  if (await cli.isAvailable()) return cli;
  await cli.close();
  return undefined;
}
