/**
 * ExtractionPool: runs the local extraction in worker threads so a long document's extraction never
 * blocks the API's or the worker's event loop. One task per thread at a time, the rest queue in arrival
 * order; idle threads do not keep the process alive. Aborting a running task terminates its thread (the
 * extraction is synchronous: nothing else can stop it) and a fresh one takes its place when needed.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Extend } from "extend-ai";
import type { ExtractionRequest } from "../../field-extractor.ts";
import type { ExtractionReplyMessage, ExtractionTaskMessage } from "./extraction-messages.ts";

export interface PooledExtraction {
  readonly output: Extend.ExtractOutputJson;
  /** The thread that ran it. */
  readonly threadId: number;
}

interface PendingTask {
  readonly taskId: number;
  readonly request: ExtractionRequest;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (result: PooledExtraction) => void;
  readonly reject: (reason: unknown) => void;
  readonly onAbort: () => void;
  thread: PoolThread | undefined;
}

interface PoolThread {
  readonly worker: Worker;
  current: PendingTask | undefined;
  error: unknown;
}

const WORKER_URL = new URL("./extraction-worker.ts", import.meta.url);

/** Extraction is light next to parsing: two threads at most by default. */
export function defaultExtractionThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

export class ExtractionPool {
  readonly size: number;
  readonly #threads = new Set<PoolThread>();
  readonly #idle: PoolThread[] = [];
  readonly #queue: PendingTask[] = [];
  #nextTaskId = 1;
  #closed = false;

  constructor(size: number = defaultExtractionThreads()) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Pool size must be ≥ 1, got ${size}`);
    this.size = size;
  }

  /** Threads started and not yet gone. */
  get threads(): number {
    return this.#threads.size;
  }

  /** Extracts in a worker; rejects with `signal.reason` when aborted, with an Error when the thread fails. */
  run(request: ExtractionRequest, signal?: AbortSignal): Promise<PooledExtraction> {
    if (this.#closed) return Promise.reject(new Error("The extraction pool is closed"));
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    const { promise, resolve, reject } = Promise.withResolvers<PooledExtraction>();
    const pending: PendingTask = {
      taskId: this.#nextTaskId++,
      request,
      signal,
      resolve,
      reject,
      onAbort: () => this.#abort(pending),
      thread: undefined,
    };
    signal?.addEventListener("abort", pending.onAbort, { once: true });
    this.#queue.push(pending);
    this.#dispatch();
    return promise;
  }

  /** Rejects queued and running tasks and stops every thread. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const error = new Error("The extraction pool is closed");
    for (const pending of this.#queue.splice(0)) this.#settle(pending, () => pending.reject(error));
    const exits: Promise<number>[] = [];
    for (const thread of this.#threads) {
      const pending = thread.current;
      if (pending !== undefined) this.#settle(pending, () => pending.reject(error));
      exits.push(thread.worker.terminate());
    }
    this.#threads.clear();
    this.#idle.length = 0;
    await Promise.all(exits);
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const thread = this.#idle.pop() ?? (this.#threads.size < this.size ? this.#spawn() : undefined);
      if (thread === undefined) return;
      const pending = this.#queue.shift()!;
      thread.current = pending;
      pending.thread = thread;
      thread.worker.ref();
      const message: ExtractionTaskMessage = { taskId: pending.taskId, request: pending.request };
      try {
        thread.worker.postMessage(message);
      } catch (error) {
        // A request that cannot be cloned fails its own task, not the thread.
        this.#release(thread);
        this.#settle(pending, () => pending.reject(error));
      }
    }
  }

  #spawn(): PoolThread {
    const thread: PoolThread = {
      worker: new Worker(WORKER_URL, { name: "quire-extraction" }),
      current: undefined,
      error: undefined,
    };
    this.#threads.add(thread);
    thread.worker.on("message", (reply: ExtractionReplyMessage) => this.#onReply(thread, reply));
    thread.worker.on("error", (error) => {
      thread.error = error;
    });
    thread.worker.on("exit", (code) => this.#onExit(thread, code));
    return thread;
  }

  #onReply(thread: PoolThread, reply: ExtractionReplyMessage): void {
    const pending = thread.current;
    if (pending === undefined || pending.taskId !== reply.taskId) return;
    this.#release(thread);
    this.#settle(pending, () => {
      if (reply.ok) pending.resolve({ output: reply.output, threadId: reply.threadId });
      else pending.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    this.#dispatch();
  }

  /** Back to the idle list; an idle thread must not keep the process alive. */
  #release(thread: PoolThread): void {
    thread.current = undefined;
    thread.worker.unref();
    this.#idle.push(thread);
  }

  #onExit(thread: PoolThread, code: number): void {
    const known = this.#threads.delete(thread);
    const index = this.#idle.indexOf(thread);
    if (index >= 0) this.#idle.splice(index, 1);
    const pending = thread.current;
    thread.current = undefined;
    if (pending !== undefined) {
      const cause = thread.error instanceof Error ? `: ${thread.error.message}` : "";
      const error = new Error(`The extraction worker stopped unexpectedly (exit code ${code})${cause}`, {
        cause: thread.error,
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
    const thread = pending.thread;
    if (thread === undefined || thread.current !== pending) return;
    thread.current = undefined;
    this.#threads.delete(thread);
    void thread.worker.terminate();
    this.#settle(pending, () => pending.reject(reason));
    this.#dispatch();
  }

  #settle(pending: PendingTask, settle: () => void): void {
    pending.signal?.removeEventListener("abort", pending.onAbort);
    settle();
  }
}
