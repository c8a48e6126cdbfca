/**
 * EnginePool: runs parseDocument in worker threads so parsing never blocks the event loop. One task per
 * worker at a time, the rest queue in arrival order. Aborting a task terminates its worker (a parse
 * inside pdf.js cannot be interrupted any other way) and a fresh worker takes its place when needed;
 * a crashing worker fails only its own task.
 */
import { availableParallelism } from "node:os";
import {
  isMarkedAsUntransferable,
  type ResourceLimits,
  Worker,
  type WorkerOptions,
} from "node:worker_threads";
import type { EngineReplyMessage, EngineTaskMessage, WorkerParseOptions } from "./engine-worker.ts";
import type { ParseOutcome } from "./parse-outcome.ts";

export interface EnginePoolOptions {
  /** Worker threads at most; defaults to the number of available cores. */
  readonly size?: number;
  /** Per-worker heap limits: a document that exhausts them crashes (and fails) only its own task. */
  readonly resourceLimits?: ResourceLimits;
  /** Worker entry module; defaults to engine-worker.ts (tests substitute one that can crash). */
  readonly workerUrl?: URL;
}

export interface ParseTask {
  /** Transferred to the worker: the caller's buffer is detached once `run` is called. */
  readonly bytes: Uint8Array;
  readonly options: WorkerParseOptions;
}

interface PendingTask {
  readonly taskId: number;
  readonly task: ParseTask;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (outcome: ParseOutcome) => void;
  readonly reject: (reason: unknown) => void;
  readonly onAbort: () => void;
  worker: PoolWorker | undefined;
}

interface PoolWorker {
  readonly thread: Worker;
  current: PendingTask | undefined;
  /** The last uncaught error the thread reported, for the message when it exits. */
  error: unknown;
}

const DEFAULT_WORKER_URL = new URL("./engine-worker.ts", import.meta.url);

export class EnginePool {
  readonly size: number;
  readonly #resourceLimits: ResourceLimits | undefined;
  readonly #workerUrl: URL;
  /** Workers that take tasks (terminated ones leave this set at once, before their thread exits). */
  readonly #workers = new Set<PoolWorker>();
  readonly #idle: PoolWorker[] = [];
  readonly #queue: PendingTask[] = [];
  #liveThreads = 0;
  #nextTaskId = 1;
  #closed = false;

  constructor(options: EnginePoolOptions = {}) {
    const size = options.size ?? availableParallelism();
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Pool size must be ≥ 1, got ${size}`);
    this.size = size;
    this.#resourceLimits = options.resourceLimits;
    this.#workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
  }

  /** Threads that have started and not yet exited (terminated ones count until they are gone). */
  get liveThreads(): number {
    return this.#liveThreads;
  }

  /**
   * Threads doing work: running a task, or terminated and not yet exited. Idle threads are excluded,
   * so this drops to 0 only once a cancelled task's thread is really gone.
   */
  get activeThreads(): number {
    return this.#liveThreads - this.#idle.length;
  }

  /** Tasks waiting for a free worker. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Parses in a worker. Rejects with `signal.reason` when aborted (queued or running), with an Error when
   * the worker dies or the pool closes; every expected parse problem is a resolved failure outcome.
   */
  run(task: ParseTask, signal?: AbortSignal): Promise<ParseOutcome> {
    if (this.#closed) return Promise.reject(new Error("The engine pool is closed"));
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    const { promise, resolve, reject } = Promise.withResolvers<ParseOutcome>();
    const pending: PendingTask = {
      taskId: this.#nextTaskId++,
      task,
      signal,
      resolve,
      reject,
      onAbort: () => this.#abort(pending),
      worker: undefined,
    };
    signal?.addEventListener("abort", pending.onAbort, { once: true });
    this.#queue.push(pending);
    this.#dispatch();
    return promise;
  }

  /** Rejects queued and running tasks and terminates every worker. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const error = new Error("The engine pool is closed");
    for (const pending of this.#queue.splice(0)) this.#settle(pending, () => pending.reject(error));
    const exits: Promise<number>[] = [];
    for (const worker of this.#workers) {
      const pending = worker.current;
      if (pending !== undefined) this.#settle(pending, () => pending.reject(error));
      exits.push(worker.thread.terminate());
    }
    this.#workers.clear();
    this.#idle.length = 0;
    await Promise.all(exits);
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let worker: PoolWorker | undefined;
      try {
        worker = this.#idle.pop() ?? (this.#workers.size < this.size ? this.#spawn() : undefined);
      } catch (error) {
        // A worker that cannot even be constructed fails the task that needed it, not the caller of run().
        const pending = this.#queue.shift()!;
        this.#settle(pending, () => pending.reject(error));
        continue;
      }
      if (worker === undefined) return;
      const pending = this.#queue.shift()!;
      worker.current = pending;
      pending.worker = worker;
      worker.thread.ref();
      const { bytes, transfer } = transferable(pending.task.bytes);
      const message: EngineTaskMessage = {
        taskId: pending.taskId,
        bytes,
        options: withoutSignal(pending.task.options),
      };
      try {
        worker.thread.postMessage(message, transfer);
      } catch (error) {
        // Options that cannot cross threads (a function, say) fail this task, not the worker.
        worker.current = undefined;
        worker.thread.unref();
        this.#idle.push(worker);
        this.#settle(pending, () => pending.reject(error));
      }
    }
  }

  #spawn(): PoolWorker {
    // The name shows up in inspector and heap snapshots, telling engine threads from other workers.
    const options: WorkerOptions = { name: "quire-engine" };
    if (this.#resourceLimits !== undefined) options.resourceLimits = this.#resourceLimits;
    const worker: PoolWorker = {
      thread: new Worker(this.#workerUrl, options),
      current: undefined,
      error: undefined,
    };
    this.#liveThreads++;
    this.#workers.add(worker);
    worker.thread.on("message", (reply: EngineReplyMessage) => this.#onReply(worker, reply));
    // Without an "error" listener an uncaught exception in the worker would crash this thread too.
    worker.thread.on("error", (error) => {
      worker.error = error;
    });
    worker.thread.on("exit", (code) => this.#onExit(worker, code));
    return worker;
  }

  #onReply(worker: PoolWorker, reply: EngineReplyMessage): void {
    const pending = worker.current;
    if (pending === undefined || pending.taskId !== reply.taskId) return; // aborted meanwhile
    worker.current = undefined;
    this.#settle(pending, () => {
      if (reply.ok) pending.resolve(reply.outcome);
      else pending.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    worker.thread.unref(); // an idle pool must not keep the process alive
    this.#idle.push(worker);
    this.#dispatch();
  }

  #onExit(worker: PoolWorker, code: number): void {
    this.#liveThreads--;
    const known = this.#workers.delete(worker);
    const index = this.#idle.indexOf(worker);
    if (index >= 0) this.#idle.splice(index, 1);
    const pending = worker.current;
    worker.current = undefined;
    if (pending !== undefined) {
      const cause = worker.error instanceof Error ? `: ${worker.error.message}` : "";
      const error = new Error(`The engine worker stopped unexpectedly (exit code ${code})${cause}`, {
        cause: worker.error,
      });
      this.#settle(pending, () => pending.reject(error));
    }
    if (known && !this.#closed) this.#dispatch();
  }

  #abort(pending: PendingTask): void {
    const reason = pending.signal?.reason;
    const queuedAt = this.#queue.indexOf(pending);
    if (queuedAt >= 0) {
      this.#queue.splice(queuedAt, 1);
      this.#settle(pending, () => pending.reject(reason));
      return;
    }
    const worker = pending.worker;
    if (worker === undefined || worker.current !== pending) return; // already settled
    // terminate() stops even a tight loop inside pdf.js; the thread's exit follows asynchronously.
    worker.current = undefined;
    this.#workers.delete(worker);
    void worker.thread.terminate();
    this.#settle(pending, () => pending.reject(reason));
    this.#dispatch();
  }

  #settle(pending: PendingTask, settle: () => void): void {
    pending.signal?.removeEventListener("abort", pending.onAbort);
    settle();
  }
}

/**
 * The bytes to post and the buffer to transfer with them. A view that covers its whole (transferable)
 * buffer moves without a copy; anything else (a slice, a pooled Buffer, shared memory) is copied once.
 */
function transferable(bytes: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  const buffer = bytes.buffer;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength;
  if (buffer instanceof ArrayBuffer && whole && !isMarkedAsUntransferable(buffer))
    return { bytes, transfer: [buffer] };
  const copy = new Uint8Array(bytes);
  return { bytes: copy, transfer: [copy.buffer] };
}

function withoutSignal(options: WorkerParseOptions): WorkerParseOptions {
  if (!("signal" in options)) return options;
  const { signal: _signal, ...rest } = options as WorkerParseOptions & { signal?: unknown };
  return rest;
}
