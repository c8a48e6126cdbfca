/**
 * CER and WER on tesseract-ocr-gt: every image with a transcription (phototest and its rotated copies,
 * eurotext, two ISRI scans), read by the full engine parse and the raw OcrEngine for each available
 * engine, and by the raw `tesseract` CLI as the baseline. Rates are per image; the means are per image
 * too (each image weighs the same, as the issue's "CER ≤ 2%" target reads).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { OcrEngine } from "../../src/engine/ocr/ocr-engine.ts";
import type { EnginePool } from "../../src/engine/pipeline/engine-pool.ts";
import { characterErrors, errorRate, wordErrors } from "../metrics/ocr-error-rate.ts";
import {
  decodeImage,
  type OcrEngineKind,
  parseImage,
  readWithEngine,
  readWithRawCli,
  type TextReading,
} from "./ocr-runs.ts";

export interface GtCase {
  readonly name: string;
  readonly image: string;
  readonly truth: string;
}

export interface Rates {
  readonly cer: number;
  readonly wer: number;
  readonly ms: number;
  readonly failure?: string;
}

export interface GtResult {
  readonly name: string;
  /** Column label ("raw tesseract CLI", "parse · tesseract-cli", …) → rates. */
  readonly rates: ReadonlyMap<string, Rates>;
}

export const RAW_CLI = "raw `tesseract` CLI";

/** Images with ground truth, as the corpus MANIFEST lists them; the rotated copies share phototest's. */
export async function tesseractGtCases(corpus: string): Promise<GtCase[]> {
  const root = path.join(corpus, "tesseract-ocr-gt");
  const phototest = path.join(root, "phototest.gold.txt");
  const pairs: Array<[string, string]> = [
    ["phototest.tif", phototest],
    ["phototest-rotated-180.png", phototest],
    ["phototest-rotated-L.png", phototest],
    ["phototest-rotated-R.png", phototest],
    ["phototestrot.tif", phototest],
    ["eurotext.tif", path.join(root, "eurotext.txt")],
    ["8071_093.3B.tif", path.join(root, "8071_093.3B.txt")],
    ["8087_054.3B.tif", path.join(root, "8087_054.3B.txt")],
  ];
  const cases: GtCase[] = [];
  for (const [image, truth] of pairs) {
    if (!existsSync(path.join(root, image)) || !existsSync(truth)) continue;
    cases.push({ name: image, image: path.join(root, image), truth: await readFile(truth, "utf8") });
  }
  return cases;
}

export async function evaluateTesseractGt(
  corpus: string,
  engines: ReadonlyMap<OcrEngineKind, { readonly engine: OcrEngine; readonly pool: EnginePool }>,
  log: (line: string) => void,
): Promise<GtResult[]> {
  const results: GtResult[] = [];
  for (const gtCase of await tesseractGtCases(corpus)) {
    const bytes = new Uint8Array(await readFile(gtCase.image));
    const image = await decodeImage(bytes);
    const rates = new Map<string, Rates>();
    rates.set(RAW_CLI, score(gtCase.truth, await readWithRawCli(gtCase.image)));
    for (const [kind, { engine, pool }] of engines) {
      rates.set(`parse · ${kind}`, score(gtCase.truth, await parseImage(pool, bytes, gtCase.name, kind)));
      rates.set(`raw engine · ${kind}`, score(gtCase.truth, await readWithEngine(engine, image)));
    }
    log(
      `tesseract-ocr-gt ${gtCase.name}: ${[...rates].map(([label, r]) => `${label} CER ${(r.cer * 100).toFixed(1)}%`).join(", ")}`,
    );
    results.push({ name: gtCase.name, rates });
  }
  return results;
}

function score(truth: string, reading: TextReading): Rates {
  const rates = {
    cer: errorRate(characterErrors(truth, reading.text)),
    wer: errorRate(wordErrors(truth, reading.text)),
    ms: reading.ms,
  };
  return reading.failure === undefined ? rates : { ...rates, failure: reading.failure };
}
