/**
 * Wraps a downloaded response body so it fails (instead of growing or hanging) when it passes the size cap,
 * stalls, or the caller aborts; consumers see an AppError on the stream, never a half-silent truncation.
 */
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { AppError } from "../../shared/app-error.ts";

export interface DownloadBodyLimits {
  readonly maxBytes: number;
  /** Longest wait for the next chunk while the consumer is asking for data. */
  readonly stallTimeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

export function limitDownloadBody(source: IncomingMessage, limits: DownloadBodyLimits): Readable {
  let received = 0;
  let stallTimer: NodeJS.Timeout | undefined;
  let ended = false;

  const stopStallTimer = (): void => {
    clearTimeout(stallTimer);
    stallTimer = undefined;
  };
  // The timer only runs while we want data: when the consumer applies backpressure the socket goes quiet
  // through no fault of the server, and that must not count as a stall.
  const restartStallTimer = (): void => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      output.destroy(
        new AppError(
          "UNABLE_TO_DOWNLOAD_FILE",
          `file.url stopped sending data for ${limits.stallTimeoutMs} ms; download aborted`,
        ),
      );
    }, limits.stallTimeoutMs);
  };
  const onAbort = (): void => {
    output.destroy(limits.signal?.reason instanceof Error ? limits.signal.reason : new Error("aborted"));
  };

  const output = new Readable({
    read() {
      if (ended) return;
      source.resume();
      if (stallTimer === undefined) restartStallTimer();
    },
    destroy(error, callback) {
      stopStallTimer();
      limits.signal?.removeEventListener("abort", onAbort);
      source.destroy();
      callback(error);
    },
  });

  // Paused before the data listener is attached, so nothing flows until the consumer reads.
  source.pause();
  source.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > limits.maxBytes) {
      output.destroy(
        new AppError(
          "FILE_SIZE_TOO_LARGE",
          `file.url body exceeds the maximum size of ${limits.maxBytes} bytes (MAX_UPLOAD_BYTES)`,
        ),
      );
      return;
    }
    if (output.push(chunk)) {
      restartStallTimer();
    } else {
      source.pause();
      stopStallTimer();
    }
  });
  source.once("end", () => {
    ended = true;
    stopStallTimer();
    output.push(null);
  });
  source.on("error", (error) => output.destroy(interrupted(error)));
  source.once("close", () => {
    if (!ended && !output.destroyed) output.destroy(interrupted(undefined));
  });

  if (limits.signal?.aborted) onAbort();
  else limits.signal?.addEventListener("abort", onAbort, { once: true });
  return output;
}

function interrupted(cause: unknown): AppError {
  return new AppError(
    "UNABLE_TO_DOWNLOAD_FILE",
    "file.url connection closed before the whole file was received",
    {
      cause,
    },
  );
}
