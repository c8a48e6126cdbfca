/**
 * OcrEngine on the system `tesseract` command (5.x): one child process per image, the image as a PGM
 * file of the engine's own in the temporary folder, removed once read (tesseract reads a file ~0.1–0.2 s faster than the same
 * 9 MB on stdin, which it copies through an istream), word boxes back as TSV on stdout. Faster than
 * tesseract.js and better on degraded scans, but needs the binary installed; `isAvailable()` tells.
 * The processes are started by a small long-lived shell (shell-launcher.ts): spawned from this process,
 * each would cost a fork of all its memory.
 */
import { randomUUID } from "node:crypto";
import { closeSync, openSync, writevSync } from "node:fs";
import { unlink } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import type {
  OcrEngine,
  OcrImage,
  OcrLanguage,
  OcrOptions,
  OcrResult,
  OrientationEstimate,
  QuarterTurn,
} from "./ocr-engine.ts";
import { pgmHeader, toGrayImage } from "./raster.ts";
import { type LaunchOutput, ShellLauncher } from "./shell-launcher.ts";
import { parseTesseractTsv } from "./tesseract-tsv.ts";

export interface TesseractCliOcrEngineOptions {
  /** The executable; default `tesseract` on the PATH. */
  readonly command?: string;
  /** Processes at once, at most; defaults to the available cores. Further calls queue. */
  readonly concurrency?: number;
  /** A process running longer is killed and its call rejects; default 120 s (a dense page takes ~2 s). */
  readonly timeoutMs?: number;
  readonly language?: OcrLanguage;
  /** Folder for the image files handed to tesseract (each removed once read); default os.tmpdir(). */
  readonly temporaryDirectory?: string;
}

interface Installation {
  readonly languages: ReadonlySet<string>;
}

export class TesseractCliOcrEngine implements OcrEngine {
  readonly name = "tesseract-cli";
  readonly stopsOnAbort = true;
  readonly #command: string;
  readonly #concurrency: number;
  readonly #timeoutMs: number;
  readonly #language: OcrLanguage;
  readonly #temporaryDirectory: string;
  /** Names the engine's page image files: unique to the engine, numbered. */
  readonly #filePrefix = `quire-tesseract-${randomUUID()}`;
  #files = 0;
  #installation: Promise<Installation | undefined> | undefined;
  #running = 0;
  readonly #queue: Array<() => void> = [];
  readonly #launcher: ShellLauncher;
  #closed = false;

  constructor(options: TesseractCliOcrEngineOptions = {}) {
    this.#command = options.command ?? "tesseract";
    this.#concurrency = options.concurrency ?? availableParallelism();
    if (!Number.isInteger(this.#concurrency) || this.#concurrency < 1)
      throw new RangeError(`Bad concurrency ${this.#concurrency}`);
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#language = options.language ?? "eng";
    this.#temporaryDirectory = options.temporaryDirectory ?? tmpdir();
    // Tesseract parallelises inside one image with OpenMP; with a process per core already, its threads
    // only contend (measured here: 4 pages on 2 cores 2.9–3.4 s with one thread each, 3.8–5 s without).
    // The processes otherwise get our environment as it is.
    // biome-ignore lint/style/noProcessEnv: passed through to the child, not read as configuration.
    this.#launcher = new ShellLauncher({ ...process.env, OMP_THREAD_LIMIT: "1" }, this.#temporaryDirectory, [
      this.#filePrefix,
    ]);
  }

  /** True when the command runs and has this engine's language data installed. */
  async isAvailable(): Promise<boolean> {
    const installation = await this.#probe();
    return installation?.languages.has(this.#language) === true;
  }

  async recognize(image: OcrImage, options: OcrOptions): Promise<OcrResult> {
    if (options.language !== this.#language)
      throw new Error(`This engine reads ${this.#language}, not ${options.language}`);
    // A grey raster goes to the process with no await on the way, so the reading starts at this call.
    const gray = "gray" in image ? image : await toGrayImage(image);
    const { width, height } = gray;
    const bytes = [pgmHeader(gray), gray.gray];
    // `--psm 3` (automatic page segmentation) is the CLI default, stated so both engines match.
    const args = ["stdout", "--dpi", dpiArgument(options.dpi), "--psm", "3", "-l", options.language, "tsv"];
    const output = await this.#run(args, bytes, options.onReading, options.signal);
    if (output.code !== 0)
      throw new Error(`tesseract exited with ${output.code}: ${lastLines(output.stderr)}`);
    return parseTesseractTsv(output.stdout, width, height);
  }

  /**
   * Tesseract's orientation and script detection (`--psm 0`), when osd.traineddata is installed; undefined
   * without it, or when the page has too little text to decide.
   */
  async detectOrientation(image: OcrImage, options: OcrOptions): Promise<OrientationEstimate | undefined> {
    const installation = await this.#probe();
    if (installation?.languages.has("osd") !== true) return undefined;
    const gray = await toGrayImage(image);
    const bytes = [pgmHeader(gray), gray.gray];
    const output = await this.#run(["stdout", "--dpi", dpiArgument(options.dpi), "--psm", "0"], bytes);
    // Exit code 1 with "Too few characters" is an answer (no decision), not a failure.
    if (output.code !== 0) return undefined;
    return parseOsd(output.stdout);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#launcher.close();
    for (const start of this.#queue.splice(0)) start();
  }

  #probe(): Promise<Installation | undefined> {
    this.#installation ??= this.#launch(["--list-langs"], 10_000).then(
      (output) => {
        if (output.code !== 0) return undefined;
        // First line: `List of available languages in "…" (2):`, then one code per line.
        const languages = output.stdout
          .split("\n")
          .slice(1)
          .map((line) => line.trim());
        return { languages: new Set(languages.filter((code) => code !== "")) };
      },
      () => undefined,
    );
    return this.#installation;
  }

  /**
   * Runs tesseract within the concurrency limit on `image` (a PGM, in parts: header and pixels, so the
   * page is not copied to join them), written to a file of its own that is named as the first argument
   * and removed afterwards; `onStarted` once the process is started.
   */
  async #run(
    args: readonly string[],
    image: readonly Uint8Array[],
    onStarted?: () => void,
    signal?: AbortSignal,
  ): Promise<LaunchOutput> {
    if (this.#running >= this.#concurrency) await new Promise<void>((resolve) => this.#queue.push(resolve));
    if (this.#closed) throw new Error("The OCR engine is closed");
    this.#running++;
    try {
      signal?.throwIfAborted();
      // Written synchronously (a few ms to the page cache for a 300 DPI page): the process starts within
      // the caller's turn, not whenever this thread next waits, so a reading started early runs while the
      // caller goes on measuring the page (early-reading.ts).
      const file = path.join(this.#temporaryDirectory, `${this.#filePrefix}-${this.#files++}.pgm`);
      writeParts(file, image);
      try {
        const running = this.#launch([file, ...args], this.#timeoutMs, signal);
        onStarted?.();
        return await running;
      } finally {
        await unlink(file).catch(() => {});
      }
    } finally {
      this.#running--;
      this.#queue.shift()?.();
    }
  }

  /** Starts tesseract with `args`; a kill by close() is reported as the engine being closed. */
  async #launch(args: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<LaunchOutput> {
    try {
      return await this.#launcher.run(this.#command, args, { timeoutMs, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (this.#closed && signal?.aborted !== true) throw new Error("The OCR engine is closed");
      throw error;
    }
  }
}

/** Writes `parts` one after another as the file `file` (created or truncated). */
function writeParts(file: string, parts: readonly Uint8Array[]): void {
  const descriptor = openSync(file, "w");
  try {
    let remaining = parts.filter((part) => part.byteLength > 0);
    while (remaining.length > 0) {
      // A write may stop short: what it took is dropped from the front and the rest written again.
      let written = writevSync(descriptor, remaining);
      while (remaining.length > 0 && written >= remaining[0]!.byteLength) {
        written -= remaining[0]!.byteLength;
        remaining = remaining.slice(1);
      }
      if (written > 0) remaining = [remaining[0]!.subarray(written), ...remaining.slice(1)];
    }
  } finally {
    closeSync(descriptor);
  }
}

function dpiArgument(dpi: number): string {
  if (!(dpi > 0)) throw new RangeError(`DPI must be positive, got ${dpi}`);
  return String(Math.round(dpi));
}

function lastLines(text: string): string {
  return text.trim().split("\n").slice(-3).join(" / ") || "no message";
}

/**
 * Reads `Rotate: 90` and `Orientation confidence: 2.75` from tesseract's OSD report. Its "Rotate" is the
 * clockwise turn that makes the page upright (checked on the corpus's rotated copies).
 */
export function parseOsd(report: string): OrientationEstimate | undefined {
  const rotate = /^Rotate:\s*(\d+)/mu.exec(report)?.[1];
  const confidence = /^Orientation confidence:\s*([\d.]+)/mu.exec(report)?.[1];
  if (rotate === undefined || confidence === undefined) return undefined;
  const degrees = Number(rotate);
  if (degrees !== 0 && degrees !== 90 && degrees !== 180 && degrees !== 270) return undefined;
  return { rotationDegrees: degrees as QuarterTurn, confidence: Number(confidence) };
}
