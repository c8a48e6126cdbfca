/**
 * A pass-through that measures what flows into the blob store: size, SHA-256 and the first bytes (for
 * format detection), failing the stream with FILE_SIZE_TOO_LARGE as soon as the limit is passed so an
 * oversize upload is never stored whole.
 */
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { AppError } from "../../shared/app-error.ts";

export class MeasureStream extends Transform {
  readonly #maxBytes: number;
  readonly #headBytes: number;
  readonly #hash = createHash("sha256");
  readonly #head: Buffer[] = [];
  #headLength = 0;
  #size = 0;

  constructor(maxBytes: number, headBytes: number) {
    super();
    this.#maxBytes = maxBytes;
    this.#headBytes = headBytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#size += chunk.length;
    if (this.#size > this.#maxBytes) {
      callback(tooLarge(this.#maxBytes));
      return;
    }
    this.#hash.update(chunk);
    if (this.#headLength < this.#headBytes) {
      const slice = chunk.subarray(0, this.#headBytes - this.#headLength);
      this.#head.push(Buffer.from(slice));
      this.#headLength += slice.length;
    }
    callback(null, chunk);
  }

  get size(): number {
    return this.#size;
  }

  get head(): Buffer {
    return Buffer.concat(this.#head);
  }

  /** Call once, after the stream finished. */
  digest(): string {
    return this.#hash.digest("hex");
  }
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "FILE_SIZE_TOO_LARGE",
    `File exceeds the maximum size of ${maxBytes} bytes (MAX_UPLOAD_BYTES)`,
  );
}
