/**
 * The three ways the OCR suite reads an image, so every figure has its baseline in the same run:
 * - the full engine parse, as a user's upload runs (EnginePool worker thread, parseDocument with the
 *   effective default config plus pageRotationEnabled, the chosen OCR engine), giving the markdown as
 *   text and `output.ocr.words` (returnOcr) as boxed words;
 * - the raw OcrEngine on the decoded image (no rotation, no layout), as the pipeline's engines read;
 * - the raw `tesseract` CLI on the file itself, as someone would run it by hand (DPI from the file).
 */
import { spawn } from "node:child_process";
import sharp from "sharp";
import { DETECTION_HEAD_BYTES, detectFormat } from "../../src/engine/ingest/detect-format.ts";
import type { OcrEngine, OcrResult, RgbaImage } from "../../src/engine/ocr/ocr-engine.ts";
import { parseTesseractTsv } from "../../src/engine/ocr/tesseract-tsv.ts";
import type { EnginePool } from "../../src/engine/pipeline/engine-pool.ts";
import { effectiveParseConfig } from "../../src/services/parse/effective-parse-config.ts";
import { markdownToText } from "../metrics/text-normalize.ts";
import type { BoxedWord } from "../metrics/word-box-match.ts";

export type OcrEngineKind = "tesseract-cli" | "tesseract-js";

export interface TextReading {
  readonly text: string;
  readonly words: readonly BoxedWord[];
  readonly ms: number;
  /** Why there is no reading (an engine failure), when there is none. */
  readonly failure?: string;
}

// A user's upload with page rotation on, and the OCR words returned so word boxes can be scored.
const CONFIG = effectiveParseConfig({
  advancedOptions: { pageRotationEnabled: true, returnOcr: { words: true } },
});

/** The full parse of one image file in the pool's worker, as a parse run does it. */
export async function parseImage(
  pool: EnginePool,
  bytes: Uint8Array,
  fileName: string,
  engine: OcrEngineKind,
): Promise<TextReading> {
  const { format } = detectFormat(bytes.subarray(0, DETECTION_HEAD_BYTES), fileName);
  const started = performance.now();
  const outcome = await pool.run({
    bytes: bytes.slice(),
    options: { format, maxPages: 100, chunking: "document", config: CONFIG, ocr: { engine } },
  });
  const ms = performance.now() - started;
  if (outcome.status === "failure")
    return { text: "", words: [], ms, failure: `${outcome.failureReason}: ${outcome.failureMessage}` };
  const markdown = outcome.output.chunks.map((chunk) => chunk.content).join("\n\n");
  const words = (outcome.output.ocr?.words ?? []).map((word) => ({
    text: word.content,
    box: {
      left: word.boundingBox.left ?? 0,
      top: word.boundingBox.top ?? 0,
      right: word.boundingBox.right ?? 0,
      bottom: word.boundingBox.bottom ?? 0,
    },
  }));
  return { text: markdownToText(markdown), words, ms };
}

/** Decodes an image file (first page) to RGBA the way the image document source does. */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: new Uint8ClampedArray(data) };
}

/** The raw OcrEngine on the decoded image at the pipeline's default 300 DPI. */
export async function readWithEngine(engine: OcrEngine, image: RgbaImage): Promise<TextReading> {
  const started = performance.now();
  try {
    const result = await engine.recognize(image, { language: "eng", dpi: 300 });
    return { ...fromOcrResult(result), ms: performance.now() - started };
  } catch (error) {
    return { text: "", words: [], ms: performance.now() - started, failure: String(error) };
  }
}

/** `tesseract <file> stdout -l eng tsv`, nothing else: the CLI's defaults, DPI from the file. */
export async function readWithRawCli(file: string): Promise<TextReading> {
  const started = performance.now();
  const { code, stdout, stderr } = await run("tesseract", [file, "stdout", "-l", "eng", "tsv"]);
  const ms = performance.now() - started;
  if (code !== 0) return { text: "", words: [], ms, failure: `tesseract exited ${code}: ${stderr.trim()}` };
  return { ...fromOcrResult(parseTesseractTsv(stdout, 0, 0)), ms };
}

/** Text as lines of words (the engine's reading order), and the boxed words. */
function fromOcrResult(result: OcrResult): { text: string; words: BoxedWord[] } {
  const words = result.words.map((word) => ({ text: word.text, box: word.box }));
  const lines = result.lines ?? [{ firstWord: 0, wordCount: result.words.length }];
  const text = lines
    .map((line) =>
      result.words
        .slice(line.firstWord, line.firstWord + line.wordCount)
        .map((word) => word.text)
        .join(" "),
    )
    .join("\n");
  return { text, words };
}

function run(
  command: string,
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // One thread, as the engine runs it: the comparison is per process, not per machine.
    const child = spawn(command, args, { env: { ...process.env, OMP_THREAD_LIMIT: "1" } });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      }),
    );
  });
}
