/**
 * A reading of a page started before it is known to be needed. Before reading, OCR measures the page
 * (glyph size, line direction, skew: ~0.1 s of this thread on a 300 DPI page) to decide whether to enlarge,
 * turn or straighten it, and almost every page turns out to be read as it is. An engine that reads in a
 * process of its own and can stop (OcrEngine.stopsOnAbort) is given the page at once; the reading is taken
 * when the raster finally read is that very raster, and stopped as soon as it is not (the engine is used
 * for anything else, or the caller gives up on it). A taken reading is the one the caller would have made.
 */
import type { GrayImage, OcrEngine, OcrOptions, OcrResult } from "./ocr-engine.ts";

export class EarlyReading {
  readonly #image: GrayImage;
  readonly #abort = new AbortController();
  readonly #reading: Promise<OcrResult>;
  #started = false;
  #taken = false;
  #onTaken: (() => void) | undefined;

  /** Starts reading `image` with `engine` as `options` say. */
  constructor(engine: OcrEngine, image: GrayImage, options: Omit<OcrOptions, "onReading" | "signal">) {
    this.#image = image;
    this.#reading = engine.recognize(image, {
      ...options,
      signal: this.#abort.signal,
      onReading: () => {
        this.#started = true;
        if (this.#taken) this.#onTaken?.();
      },
    });
    // A reading stopped or never taken is nobody's failure.
    this.#reading.catch(() => {});
  }

  /** Whether a reading was started early with this engine: only one that stops on abort. */
  static worthwhile(engine: OcrEngine): boolean {
    return engine.stopsOnAbort === true;
  }

  /**
   * The reading, when `image` is the raster it reads and it was not stopped (once). `onReading` is called
   * as OcrOptions.onReading would have been: once the engine is reading (now, if it already is).
   */
  take(image: GrayImage, onReading?: () => void): Promise<OcrResult> | undefined {
    if (image !== this.#image || this.#taken || this.#abort.signal.aborted) return undefined;
    this.#taken = true;
    this.#onTaken = onReading;
    if (this.#started) onReading?.();
    return this.#reading;
  }

  /** Stops the reading unless it was taken; the engine is then free for other work. */
  stop(): void {
    if (!this.#taken) this.#abort.abort();
  }

  /** `engine` with the early reading stopped before any other use of it (it reads one image at a time). */
  stopping(engine: OcrEngine): OcrEngine {
    const detectOrientation = engine.detectOrientation;
    return {
      name: engine.name,
      // The engine stays its owner's to close.
      close: async () => {},
      recognize: (image, options) => {
        this.stop();
        return engine.recognize(image, options);
      },
      ...(detectOrientation === undefined
        ? {}
        : {
            detectOrientation: (image, options) => {
              this.stop();
              return detectOrientation.call(engine, image, options);
            },
          }),
    };
  }
}
