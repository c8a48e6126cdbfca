/**
 * Word recall, precision and box IoU on the FUNSD test split (50 scanned forms with word boxes): the
 * words of the full engine parse (`output.ocr.words`, boxes in page points = image pixels for images),
 * of the raw OcrEngine, and of the raw `tesseract` CLI as the baseline. See word-box-match.ts.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { OcrEngine } from "../../src/engine/ocr/ocr-engine.ts";
import type { EnginePool } from "../../src/engine/pipeline/engine-pool.ts";
import {
  addWordCounts,
  type BoxedWord,
  matchWords,
  type WordMatchCounts,
} from "../metrics/word-box-match.ts";
import { decodeImage, type OcrEngineKind, parseImage, readWithEngine, readWithRawCli } from "./ocr-runs.ts";
import { RAW_CLI } from "./tesseract-gt.ts";

interface FunsdAnnotation {
  readonly form: readonly {
    readonly words: readonly {
      readonly text: string;
      readonly box: readonly [number, number, number, number];
    }[];
  }[];
}

export interface FunsdResult {
  readonly forms: number;
  /** Column label → pooled counts over every form, and summed milliseconds. */
  readonly totals: ReadonlyMap<
    string,
    { readonly counts: WordMatchCounts; readonly ms: number; readonly failures: number }
  >;
}

export async function evaluateFunsd(
  corpus: string,
  engines: ReadonlyMap<OcrEngineKind, { readonly engine: OcrEngine; readonly pool: EnginePool }>,
  log: (line: string) => void,
  limit: number,
): Promise<FunsdResult> {
  const root = path.join(corpus, "funsd-testset", "testing_data");
  const names = (await readdir(path.join(root, "images")))
    .filter((name) => name.endsWith(".png"))
    .sort()
    .slice(0, limit);
  const totals = new Map<string, { counts: WordMatchCounts; ms: number; failures: number }>();
  const add = (label: string, counts: WordMatchCounts, ms: number, failed: boolean) => {
    const total = totals.get(label) ?? {
      counts: { matched: 0, expected: 0, predicted: 0, iouSum: 0 },
      ms: 0,
      failures: 0,
    };
    totals.set(label, {
      counts: addWordCounts(total.counts, counts),
      ms: total.ms + ms,
      failures: total.failures + (failed ? 1 : 0),
    });
  };
  for (const name of names) {
    const file = path.join(root, "images", name);
    const annotation = JSON.parse(
      await readFile(path.join(root, "annotations", name.replace(/\.png$/u, ".json")), "utf8"),
    ) as FunsdAnnotation;
    const truth: BoxedWord[] = annotation.form.flatMap((entity) =>
      entity.words.map((word) => ({
        text: word.text,
        box: { left: word.box[0], top: word.box[1], right: word.box[2], bottom: word.box[3] },
      })),
    );
    const bytes = new Uint8Array(await readFile(file));
    const image = await decodeImage(bytes);
    const raw = await readWithRawCli(file);
    const line: string[] = [];
    const record = (label: string, words: readonly BoxedWord[], ms: number, failure: string | undefined) => {
      const counts = matchWords(truth, words);
      add(label, counts, ms, failure !== undefined);
      line.push(`${label} ${(counts.matched / Math.max(1, counts.expected)).toFixed(2)}`);
    };
    record(RAW_CLI, raw.words, raw.ms, raw.failure);
    for (const [kind, { engine, pool }] of engines) {
      const parsed = await parseImage(pool, bytes, name, kind);
      record(`parse · ${kind}`, parsed.words, parsed.ms, parsed.failure);
      const read = await readWithEngine(engine, image);
      record(`raw engine · ${kind}`, read.words, read.ms, read.failure);
    }
    log(`funsd ${name}: recall ${line.join(", ")}`);
  }
  return { forms: names.length, totals };
}
