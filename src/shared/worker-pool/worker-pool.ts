/**
 * WorkerPool: runs tasks in worker threads so CPU-bound work never blocks the event loop. One task per
 * thread at a time, the rest queue in arrival order; idle threads do not keep the process alive.
 * Aborting a running task terminates its thread (synchronous work inside it cannot be interrupted any
 * other way) and a fresh thread takes its place when needed; a crashing thread fails only its own task.
 * The worker side answers with serveTasks (serve-tasks.ts).
 */
import { availableParallelism } from "node:os";
import {
  isMarkedAsUntransferable,
  type ResourceLimits,
  Worker,
  type WorkerOptions,
} from "node:worker_threads";
import type { ReplyMessage, TaskMessage } from "./messages.ts";

export interface WorkerPoolOptions {
  /** The worker's entry module; it must call serveTasks on its parentPort. */
  readonly workerUrl: URL;
  /** What the pool runs, for thread names and error messages ("engine" → "quire-engine"). */
  readonly label: string;
  /** Threads at most; defaults to the number of available cores. */
  readonly size?: number;
  /** Per-thread heap limits: a task that exhausts them crashes (and fails) only its own task. */
  readonly resourceLimits?: ResourceLimits;
}

/** A payload and the buffers to move (not copy) with it; the caller's views of them are detached. */
export interface Posted<Payload> {
  readonly payload: Payload;
  readonly transfer?: readonly ArrayBuffer[];
}

interface PendingTask<Payload, Result> {
  readonly taskId: number;
  readonly posted: Posted<Payload>;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (result: Result) => void;
  readonly reject: (reason: unknown) => void;
  readonly onAbort: () => void;
  thread: PoolThread<Payload, Result> | undefined;
}

interface PoolThread<Payload, Result> {
  readonly worker: Worker;
  current: PendingTask<Payload, Result> | undefined;
  /** The last uncaught error the thread reported, for the message when it exits. */
  error: unknown;
}

export class WorkerPool<Payload, Result> {
  readonly size: number;
  readonly #options: WorkerPoolOptions;
  /** Threads that take tasks (terminated ones leave this set at once, before they exit). */
  readonly #threads = new Set<PoolThread<Payload, Result>>();
  readonly #idle: PoolThread<Payload, Result>[] = [];
  readonly #queue: PendingTask<Payload, Result>[] = [];
  #liveThreads = 0;
  #nextTaskId = 1;
  #closed = false;

  constructor(options: WorkerPoolOptions) {
    const size = options.size ?? availableParallelism();
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Pool size must be ≥ 1, got ${size}`);
    this.size = size;
    this.#options = options;
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

  /** Tasks waiting for a free thread. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Runs one task. Rejects with `signal.reason` when aborted (queued or running), with an Error when the
   * thread dies, the payload cannot be posted, the task throws, or the pool closes.
   */
  run(posted: Posted<Payload>, signal?: AbortSignal): Promise<Result> {
    if (this.#closed) return Promise.reject(new Error(`The ${this.#options.label} pool is closed`));
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    const { promise, resolve, reject } = Promise.withResolvers<Result>();
    const pending: PendingTask<Payload, Result> = {
      taskId: this.#nextTaskId++,
      posted,
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

  /** Rejects queued and running tasks and terminates every thread. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const error = new Error(`The ${this.#options.label} pool is closed`);
    for (const pending of this.#queue.splice(0)) settle(pending, () => pending.reject(error));
    const exits: Promise<number>[] = [];
    for (const thread of this.#threads) {
      const pending = thread.current;
      if (pending !== undefined) settle(pending, () => pending.reject(error));
      exits.push(thread.worker.terminate());
    }
    this.#threads.clear();
    this.#idle.length = 0;
    await Promise.all(exits);
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let thread: PoolThread<Payload, Result> | undefined;
      try {
        thread = this.#idle.pop() ?? (this.#threads.size < this.size ? this.#spawn() : undefined);
      } catch (error) {
        // A thread that cannot even be constructed fails the task that needed it, not the caller of run().
        const pending = this.#queue.shift()!;
        settle(pending, () => pending.reject(error));
        continue;
      }
      if (thread === undefined) return;
      const pending = this.#queue.shift()!;
      thread.current = pending;
      pending.thread = thread;
      thread.worker.ref();
      const message: TaskMessage<Payload> = { taskId: pending.taskId, payload: pending.posted.payload };
      try {
        thread.worker.postMessage(message, pending.posted.transfer ?? []);
      } catch (error) {
        // A payload that cannot cross threads (a function, say) fails its own task, not the thread.
        this.#release(thread);
        settle(pending, () => pending.reject(error));
      }
    }
  }

  #spawn(): PoolThread<Payload, Result> {
    // The name shows up in the inspector and heap snapshots, telling this pool's threads from others.
    const options: WorkerOptions = { name: `quire-${this.#options.label}` };
    if (this.#options.resourceLimits !== undefined) options.resourceLimits = this.#options.resourceLimits;
    const thread: PoolThread<Payload, Result> = {
      worker: new Worker(this.#options.workerUrl, options),
      current: undefined,
      error: undefined,
    };
    this.#liveThreads++;
    this.#threads.add(thread);
    thread.worker.on("message", (reply: ReplyMessage<Result>) => this.#onReply(thread, reply));
    // Without an "error" listener an uncaught exception in the thread would crash this one too.
    thread.worker.on("error", (error) => {
      thread.error = error;
    });
    thread.worker.on("exit", (code) => this.#onExit(thread, code));
    return thread;
  }

  #onReply(thread: PoolThread<Payload, Result>, reply: ReplyMessage<Result>): void {
    const pending = thread.current;
    if (pending === undefined || pending.taskId !== reply.taskId) return; // aborted meanwhile
    this.#release(thread);
    settle(pending, () => {
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    });
    this.#dispatch();
  }

  /** Back to the idle list; an idle thread must not keep the process alive. */
  #release(thread: PoolThread<Payload, Result>): void {
    thread.current = undefined;
    thread.worker.unref();
    this.#idle.push(thread);
  }

  #onExit(thread: PoolThread<Payload, Result>, code: number): void {
    this.#liveThreads--;
    const known = this.#threads.delete(thread);
    const index = this.#idle.indexOf(thread);
    if (index >= 0) this.#idle.splice(index, 1);
    const pending = thread.current;
    thread.current = undefined;
    if (pending !== undefined) {
      const cause = thread.error instanceof Error ? `: ${thread.error.message}` : "";
      const error = new Error(
        `The ${this.#options.label} worker stopped unexpectedly (exit code ${code})${cause}`,
        { cause: thread.error },
      );
      settle(pending, () => pending.reject(error));
    }
    if (known && !this.#closed) this.#dispatch();
  }

  #abort(pending: PendingTask<Payload, Result>): void {
    const reason = pending.signal?.reason;
    const queuedAt = this.#queue.indexOf(pending);
    if (queuedAt >= 0) {
      this.#queue.splice(queuedAt, 1);
      settle(pending, () => pending.reject(reason));
      return;
    }
    const thread = pending.thread;
    if (thread === undefined || thread.current !== pending) return; // already settled
    // terminate() stops even a tight synchronous loop; the thread's exit follows asynchronously.
    thread.current = undefined;
    this.#threads.delete(thread);
    void thread.worker.terminate();
    settle(pending, () => pending.reject(reason));
    this.#dispatch();
  }
}

function settle<Payload, Result>(pending: PendingTask<Payload, Result>, done: () => void): void {
  pending.signal?.removeEventListener("abort", pending.onAbort);
  done();
}

/**
 * `bytes` ready to post and the buffer to move with them. A view that covers its whole (transferable)
 * buffer moves without a copy; anything else (a slice, a pooled Buffer, shared memory) is copied once.
 */
export function transferableBytes(bytes: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  const buffer = bytes.buffer;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength;
  if (buffer instanceof ArrayBuffer && whole && !isMarkedAsUntransferable(buffer))
    return { bytes, transfer: [buffer] };
  const copy = new Uint8Array(bytes);
  return { bytes: copy, transfer: [copy.buffer] };
}
