/**
 * Smoke check on docling's OCR fixtures: ocr_test.pdf and its copies turned 90/180/270°, a scanned page
 * with one paragraph, parsed in full (pageRotationEnabled on) and compared with docling's tesseract
 * full-page markdown by normalised edit distance (0 identical, 1 nothing shared) and CER.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { EnginePool } from "../../src/engine/pipeline/engine-pool.ts";
import { normalizedEditDistance } from "../metrics/edit-distance.ts";
import { characterErrors, errorRate } from "../metrics/ocr-error-rate.ts";
import { markdownToText } from "../metrics/text-normalize.ts";
import { type OcrEngineKind, parseImage } from "./ocr-runs.ts";

export interface DoclingOcrResult {
  readonly name: string;
  /** Engine → scores. */
  readonly scores: ReadonlyMap<
    string,
    { readonly distance: number; readonly cer: number; readonly failure?: string }
  >;
}

export async function evaluateDoclingOcr(
  corpus: string,
  pools: ReadonlyMap<OcrEngineKind, EnginePool>,
  log: (line: string) => void,
): Promise<DoclingOcrResult[]> {
  const root = path.join(corpus, "docling-groundtruth", "ocr");
  const sources = (await readdir(path.join(root, "sources")))
    .filter((name) => /^ocr_test.*\.pdf$/u.test(name))
    .sort();
  const results: DoclingOcrResult[] = [];
  for (const source of sources) {
    const truthFile = path.join(
      root,
      "groundtruth",
      "tesseract",
      "full_page",
      `${source.slice(0, -4)}.tesseract.full_page.md`,
    );
    if (!existsSync(truthFile)) continue;
    const truth = markdownToText(await readFile(truthFile, "utf8"));
    const bytes = new Uint8Array(await readFile(path.join(root, "sources", source)));
    const scores = new Map<string, { distance: number; cer: number; failure?: string }>();
    for (const [kind, pool] of pools) {
      const reading = await parseImage(pool, bytes, source, kind);
      const score = {
        distance: normalizedEditDistance(truth, reading.text),
        cer: errorRate(characterErrors(truth, reading.text)),
      };
      scores.set(kind, reading.failure === undefined ? score : { ...score, failure: reading.failure });
    }
    log(
      `docling ocr ${source}: ${[...scores].map(([kind, s]) => `${kind} ${s.distance.toFixed(3)}`).join(", ")}`,
    );
    results.push({ name: source, scores });
  }
  return results;
}
