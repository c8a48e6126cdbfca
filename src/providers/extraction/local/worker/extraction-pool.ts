/**
 * ExtractionPool: runs the local extraction in worker threads (a WorkerPool) so a long document's
 * extraction never blocks the API's or the worker's event loop. Aborting a running task terminates its
 * thread: the extraction is synchronous, nothing else can stop it.
 */
import { availableParallelism } from "node:os";
import type { Extend } from "extend-ai";
import { WorkerPool } from "../../../../shared/worker-pool/worker-pool.ts";
import type { ExtractionRequest } from "../../field-extractor.ts";

export interface PooledExtraction {
  readonly output: Extend.ExtractOutputJson;
  /** The thread that ran it (tests and diagnostics tell pooled work from in-thread work by it). */
  readonly threadId: number;
}

const WORKER_URL = new URL("./extraction-worker.ts", import.meta.url);

/** Extraction is light next to parsing: two threads at most by default. */
export function defaultExtractionThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

export class ExtractionPool {
  readonly #pool: WorkerPool<ExtractionRequest, PooledExtraction>;

  constructor(size: number = defaultExtractionThreads()) {
    this.#pool = new WorkerPool({ workerUrl: WORKER_URL, label: "extraction", size });
  }

  get size(): number {
    return this.#pool.size;
  }

  /** Extracts in a worker; rejects with `signal.reason` when aborted, with an Error when the thread fails. */
  run(request: ExtractionRequest, signal?: AbortSignal): Promise<PooledExtraction> {
    return this.#pool.run({ payload: request }, signal);
  }

  /** Rejects queued and running tasks and stops every thread. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}
