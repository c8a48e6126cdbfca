/**
 * EnginePool: runs parseDocument in worker threads (a WorkerPool) so parsing never blocks the event
 * loop. Aborting a task terminates its thread (a parse inside pdf.js cannot be interrupted any other
 * way); a crashing thread fails only its own task. Every expected parse problem is a resolved failure
 * outcome, not a rejection.
 */
import type { ResourceLimits } from "node:worker_threads";
import { transferableBytes, WorkerPool } from "../../shared/worker-pool/worker-pool.ts";
import type { ParseTask, WorkerParseOptions } from "./engine-worker.ts";
import type { ParseOutcome } from "./parse-outcome.ts";

export type { ParseTask } from "./engine-worker.ts";

export interface EnginePoolOptions {
  /** Worker threads at most; defaults to the number of available cores. */
  readonly size?: number;
  /**
   * Per-worker heap limits: a document that exhausts them crashes (and fails) only its own task. The
   * young generation defaults to ENGINE_YOUNG_GENERATION_MB.
   */
  readonly resourceLimits?: ResourceLimits;
  /** Worker entry module; defaults to engine-worker.ts (tests substitute one that can crash). */
  readonly workerUrl?: URL;
}

const DEFAULT_WORKER_URL = new URL("./engine-worker.ts", import.meta.url);

/**
 * Young generation of each engine thread, in MB: V8's new space (two semi-spaces) plus its large-object
 * space, one semi-space each, so a semi-space is a third of it. V8 gives a worker 96 MB by default (the
 * main thread 192), and the engine fills it: a parse allocates fast and keeps little of it (pdf.js
 * objects, rasters), so a larger nursery only holds more garbage between scavenges. Peak RSS of a
 * 500-page PDF (the parse bench's): 604–608 MB with the main thread's default, 529–536 with a worker's,
 * 495–538 with 48 MB, CPU time no higher (bench/parse.bench.ts parses with this young generation too).
 */
export const ENGINE_YOUNG_GENERATION_MB = 48;

export class EnginePool {
  readonly #pool: WorkerPool<ParseTask, ParseOutcome>;

  constructor(options: EnginePoolOptions = {}) {
    this.#pool = new WorkerPool({
      workerUrl: options.workerUrl ?? DEFAULT_WORKER_URL,
      label: "engine",
      ...(options.size === undefined ? {} : { size: options.size }),
      resourceLimits: { maxYoungGenerationSizeMb: ENGINE_YOUNG_GENERATION_MB, ...options.resourceLimits },
    });
  }

  get size(): number {
    return this.#pool.size;
  }

  /** Threads that have started and not yet exited (terminated ones count until they are gone). */
  get liveThreads(): number {
    return this.#pool.liveThreads;
  }

  /** Threads running a task, or terminated and not yet exited. */
  get activeThreads(): number {
    return this.#pool.activeThreads;
  }

  /** Tasks waiting for a free worker. */
  get queued(): number {
    return this.#pool.queued;
  }

  /**
   * Parses in a worker, moving `task.bytes` there (the caller's view is detached unless it had to be
   * copied). Rejects with `signal.reason` when aborted, with an Error when the worker dies or the pool
   * closes.
   */
  run(task: ParseTask, signal?: AbortSignal): Promise<ParseOutcome> {
    const { bytes, transfer } = transferableBytes(task.bytes);
    return this.#pool.run({ payload: { bytes, options: withoutSignal(task.options) }, transfer }, signal);
  }

  /** Rejects queued and running tasks and terminates every worker. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}

function withoutSignal(options: WorkerParseOptions): WorkerParseOptions {
  if (!("signal" in options)) return options;
  const { signal: _signal, ...rest } = options as WorkerParseOptions & { signal?: unknown };
  return rest;
}
