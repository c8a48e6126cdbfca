/**
 * The job queue port: durable background jobs stored in the application database, so a run row and
 * its job are created in one transaction. Services enqueue and work through this interface only.
 */
import type { Queryable } from "../storage/db/database.ts";

/** Extend's default run priority (single runs); batch submissions default to 90. */
export const DEFAULT_JOB_PRIORITY = 50;

export interface EnqueueOptions {
  /**
   * Enqueue inside the caller's transaction: the job exists only if that transaction commits. The
   * queue must have been declared (constructor `queues`, or `work()`) before, because declaring
   * needs its own connection, which an embedded single-connection database cannot give mid-transaction.
   */
  readonly tx?: Queryable;
  /** Extend semantics: an integer, lower runs first. Default DEFAULT_JOB_PRIORITY. */
  readonly priority?: number;
  /** Retries after the first attempt (attempts = retryLimit + 1). A worker crash also uses one. */
  readonly retryLimit?: number;
  /** Delay before a retry, in whole seconds; with retryBackoff, the base of an exponential delay. */
  readonly retryDelaySeconds?: number;
  readonly retryBackoff?: boolean;
  /**
   * Idempotency key within the queue: while the job created for a key is retained (queued, running,
   * or finished but not yet purged), enqueueing the same key again creates nothing and returns that
   * job's id.
   */
  readonly singletonKey?: string;
}

export interface JobContext<Payload> {
  readonly id: string;
  readonly name: string;
  readonly data: Payload;
  /** 0 on the first attempt. The attempt is the last one when retryCount === retryLimit. */
  readonly retryCount: number;
  readonly retryLimit: number;
  /**
   * Aborted when the job was cancelled or reclaimed while running (noticed at the next heartbeat),
   * when it outlives the queue's job timeout, or when the queue stops without waiting for it.
   */
  readonly signal: AbortSignal;
}

/** Resolves: the job is completed. Throws: retried, unless the error is permanent (isPermanentJobError). */
export type JobHandler<Payload> = (job: JobContext<Payload>) => Promise<void>;

export interface WorkOptions {
  /** Handlers of this queue running at once in this process. */
  readonly concurrency: number;
}

export interface StopOptions {
  /** true: stop fetching and wait up to timeoutMs for running handlers; false: abandon them now. */
  readonly graceful: boolean;
  /** Handlers still running at the deadline have their job failed (and so retried) and their signal aborted. */
  readonly timeoutMs: number;
}

export interface JobQueue {
  /** Installs or migrates the queue's tables and declares the configured queues. */
  start(): Promise<void>;
  /** Returns the job id. Payloads are JSON: what is not JSON-serialisable does not survive. */
  enqueue<Payload extends object>(name: string, payload: Payload, options?: EnqueueOptions): Promise<string>;
  /** Declares the queue if needed and starts `concurrency` workers fetching from it. */
  work<Payload extends object>(
    name: string,
    handler: JobHandler<Payload>,
    options: WorkOptions,
  ): Promise<void>;
  /**
   * A job was just committed to `name` (e.g. after the transaction that enqueued it): this process's
   * idle workers on that queue fetch at once instead of at their next poll. Other processes still pick
   * it up at their polling interval.
   */
  wake(name: string): void;
  /**
   * Cancels a queued, retrying or running job; true when it was in one of those states. A running
   * handler is not interrupted: its signal aborts at its next heartbeat, and its outcome is ignored.
   */
  cancel(name: string, jobId: string): Promise<boolean>;
  stop(options: StopOptions): Promise<void>;
}

/** Thrown by a handler for a failure that another attempt cannot fix (bad input, unsupported file). */
export class PermanentJobError extends Error {
  readonly permanent = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

/**
 * Also accepts any error carrying `permanent: true`, because errors that crossed a worker-thread
 * boundary arrive as plain copies and lose their class.
 */
export function isPermanentJobError(error: unknown): boolean {
  return (
    error instanceof PermanentJobError ||
    (typeof error === "object" && error !== null && (error as { permanent?: unknown }).permanent === true)
  );
}
