/**
 * OcrEngine on tesseract.js (tesseract compiled to WebAssembly, in worker threads): no system install
 * needed. Language data comes from the @tesseract.js-data packages in node_modules, never a CDN.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { createWorker, OEM, PSM, type Worker } from "tesseract.js";
import type { OcrEngine, OcrImage, OcrLanguage, OcrOptions, OcrResult } from "./ocr-engine.ts";
import { encodeForTesseract } from "./raster.ts";
import { parseTesseractTsv } from "./tesseract-tsv.ts";

export interface TesseractJsOcrEngineOptions {
  /**
   * Worker threads at most, each holding its own WebAssembly tesseract and language model (~40 MB).
   * Defaults to the available cores; when several engine threads each own an engine, divide the cores.
   */
  readonly workers?: number;
  /** The language every worker loads; calls for another language reject. */
  readonly language?: OcrLanguage;
  /**
   * A call running longer rejects and its worker is replaced; default 120 s (a dense page takes ~2 s).
   * tesseract.js settles no pending job when its thread dies, so this is also the guard against a hang.
   */
  readonly timeoutMs?: number;
}

const require = createRequire(import.meta.url);

/**
 * The directory holding `<lang>.traineddata.gz` for the LSTM-only model. The data package's own
 * `langPath` points at `4.0.0`, which adds the legacy engine's data (11 MB against 3 MB); tesseract.js runs
 * LSTM only, for which its CDN default is the `4.0.0_best_int` sibling, so that is what is loaded here.
 */
export function languageDataDirectory(language: OcrLanguage): string {
  const packageRoot = dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
  return join(packageRoot, "4.0.0_best_int");
}

/**
 * What every worker is created with. `langPath` is a local directory: tesseract.js fetches from its CDN
 * only when langPath is absent or a URL. The core (WebAssembly) and worker script are `require`d from
 * node_modules by tesseract.js's Node build, so nothing is left to download.
 */
export function workerOptions(language: OcrLanguage) {
  return {
    langPath: languageDataDirectory(language),
    gzip: true,
    // The default cache reads and writes `./<lang>.traineddata` in the working directory; the data is
    // already local, so no cache at all.
    cacheMethod: "none",
  } as const;
}

interface Waiter {
  readonly resolve: (worker: Worker) => void;
  readonly reject: (error: Error) => void;
}

export class TesseractJsOcrEngine implements OcrEngine {
  readonly name = "tesseract-js";
  readonly #maxWorkers: number;
  readonly #language: OcrLanguage;
  readonly #timeoutMs: number;
  /** Workers started or starting; they start on demand, so a one-page document starts one. */
  #started = 0;
  readonly #all = new Set<Worker>();
  readonly #idle: Worker[] = [];
  readonly #waiting: Waiter[] = [];
  #closed = false;

  constructor(options: TesseractJsOcrEngineOptions = {}) {
    const workers = options.workers ?? availableParallelism();
    if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`Bad worker count ${workers}`);
    this.#maxWorkers = workers;
    this.#language = options.language ?? "eng";
    this.#timeoutMs = options.timeoutMs ?? 120_000;
  }

  /** Worker threads at most (the `workers` option, or the available cores). */
  get maxWorkers(): number {
    return this.#maxWorkers;
  }

  async recognize(image: OcrImage, options: OcrOptions): Promise<OcrResult> {
    if (options.language !== this.#language)
      throw new Error(`This engine reads ${this.#language}, not ${options.language}`);
    const { bytes, width, height } = await encodeForTesseract(image);
    const worker = await this.#acquire();
    let healthy = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const job = worker.recognize(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        // Passed through to tesseract for this call only (tesseract.js restores them afterwards).
        { user_defined_dpi: String(Math.round(options.dpi)) } as Record<string, string>,
        { text: false, tsv: true },
      );
      options.onReading?.();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`tesseract.js took over ${this.#timeoutMs} ms`)),
          this.#timeoutMs,
        );
      });
      const result = await Promise.race([job, timeout]);
      healthy = true;
      return parseTesseractTsv(result.data.tsv ?? "", width, height);
    } catch (error) {
      // tesseract.js rejects with strings from inside its worker.
      throw error instanceof Error ? error : new Error(`tesseract.js failed: ${String(error)}`);
    } finally {
      clearTimeout(timer);
      this.#release(worker, healthy);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error("The OCR engine is closed"));
    const workers = [...this.#all];
    this.#all.clear();
    this.#idle.length = 0;
    await Promise.allSettled(workers.map((worker) => worker.terminate()));
  }

  async #acquire(): Promise<Worker> {
    if (this.#closed) throw new Error("The OCR engine is closed");
    const idle = this.#idle.pop();
    if (idle !== undefined) return idle;
    if (this.#started < this.#maxWorkers) {
      this.#started++;
      try {
        const worker = await startWorker(this.#language);
        if (this.#closed) {
          await worker.terminate();
          throw new Error("The OCR engine is closed");
        }
        this.#all.add(worker);
        return worker;
      } catch (error) {
        this.#started--;
        throw error instanceof Error ? error : new Error(`tesseract.js failed to start: ${String(error)}`);
      }
    }
    return new Promise<Worker>((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** Hands the worker to the next waiter, or parks it; a worker whose job failed is replaced. */
  #release(worker: Worker, healthy: boolean): void {
    if (this.#closed) return;
    if (!healthy) {
      // A failed job may leave the WebAssembly heap in any state; a fresh worker is cheap (~0.3 s).
      this.#all.delete(worker);
      this.#started--;
      void worker.terminate().catch(() => {});
      const waiter = this.#waiting.shift();
      if (waiter !== undefined) this.#startFor(waiter);
      return;
    }
    const waiter = this.#waiting.shift();
    if (waiter !== undefined) waiter.resolve(worker);
    else this.#idle.push(worker);
  }

  #startFor(waiter: Waiter): void {
    this.#started++;
    startWorker(this.#language).then(
      (worker) => {
        if (this.#closed) {
          void worker.terminate().catch(() => {});
          waiter.reject(new Error("The OCR engine is closed"));
          return;
        }
        this.#all.add(worker);
        waiter.resolve(worker);
      },
      (error: unknown) => {
        this.#started--;
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }
}

async function startWorker(language: OcrLanguage): Promise<Worker> {
  const worker = await createWorker(language, OEM.LSTM_ONLY, workerOptions(language));
  // The tesseract API defaults to one uniform block (PSM 6); the CLI's default, automatic page
  // segmentation (PSM 3), is what pages need, and keeps both engines alike.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  return worker;
}
