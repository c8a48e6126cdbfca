/**
 * JobQueue on pg-boss, in the application database: through its own pool from a PostgreSQL
 * connection string, or through the app's Database port (required for embedded PGlite). Adds Extend
 * priority order, permanent errors, idempotency keys and crash recovery by heartbeat on top of pg-boss.
 */
import { createHash } from "node:crypto";
import { type ConstructorOptions, type JobResult, type JobWithMetadata, PgBoss, type Queue } from "pg-boss";
import type { Logger } from "../shared/logger.ts";
import type { Database } from "../storage/db/database.ts";
import {
  DEFAULT_JOB_PRIORITY,
  type EnqueueOptions,
  isPermanentJobError,
  type JobHandler,
  type JobQueue,
  type StopOptions,
  type WorkOptions,
} from "./job-queue.ts";
import { pgBossDatabaseFrom, pgBossTransactionFrom } from "./pg-boss-database-adapter.ts";

/** pg-boss owns a pool on this PostgreSQL URL (recommended for worker processes), or uses the app's Database. */
export type PgBossConnection =
  | { readonly connectionString: string; readonly poolSize?: number }
  | { readonly database: Database };

/** All in seconds. See QUEUE_TIMING_DEFAULTS for what each one bounds. */
export interface QueueTimings {
  readonly heartbeatSeconds: number;
  readonly superviseIntervalSeconds: number;
  readonly monitorIntervalSeconds: number;
  readonly jobTimeoutSeconds: number;
  readonly pollingIntervalSeconds: number;
}

/**
 * Crash recovery: a running job's row is touched every heartbeatSeconds/2 by a timer in the worker
 * process, independent of what the handler is doing, so it keeps being touched exactly as long as the
 * process lives. The supervisor (every live instance, coordinated by a claim in the database) fails a
 * job whose touch is older than heartbeatSeconds, which puts it back in the queue as a retry. Worst
 * case from `kill -9` to a new attempt starting is about
 *   heartbeatSeconds (10; pg-boss's minimum) + monitor/supervise pass (5)
 *   + retry delay (retryDelaySeconds × 1..2 with backoff, 2..4) + polling (2) ≈ 21 s.
 * jobTimeoutSeconds is the hard limit on one attempt even while heartbeats flow; it is pg-boss's
 * maximum (24 h) so that long healthy runs are never cut short: liveness is the heartbeat's job.
 */
export const QUEUE_TIMING_DEFAULTS: QueueTimings = Object.freeze({
  heartbeatSeconds: 10,
  superviseIntervalSeconds: 5,
  monitorIntervalSeconds: 5,
  jobTimeoutSeconds: 24 * 60 * 60,
  pollingIntervalSeconds: 2,
});

/** Applied to jobs whose enqueue does not say otherwise. */
export interface RetryDefaults {
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  readonly retryBackoff: boolean;
  /** Cap on one backoff delay. */
  readonly retryDelayMaxSeconds: number;
}

export const RETRY_DEFAULTS: RetryDefaults = Object.freeze({
  retryLimit: 3,
  retryDelaySeconds: 2,
  retryBackoff: true,
  retryDelayMaxSeconds: 300,
});

export interface PgBossJobQueueOptions {
  readonly connection: PgBossConnection;
  readonly logger: Pick<Logger, "warn" | "error">;
  /** Every queue this process enqueues to; created at start() so enqueue-in-transaction needs no DDL. */
  readonly queues?: readonly string[];
  /** Schema of pg-boss's tables. Default "pgboss". */
  readonly schema?: string;
  readonly timings?: Partial<QueueTimings>;
  readonly retry?: Partial<RetryDefaults>;
  /**
   * Queue → its dead-letter queue. A job that exhausts its retries — including when its worker died on
   * the last attempt, so no handler could record anything — is copied there, where a handler can mark
   * the work as failed instead of leaving it in progress forever.
   */
  readonly deadLetters?: Readonly<Record<string, string>>;
}

export class PgBossJobQueue implements JobQueue {
  readonly #boss: PgBoss;
  readonly #logger: Pick<Logger, "warn" | "error">;
  readonly #timings: QueueTimings;
  readonly #retry: RetryDefaults;
  readonly #declared = new Set<string>();
  readonly #initialQueues: readonly string[];
  readonly #deadLetters: Readonly<Record<string, string>>;
  /** Queue name → this process's pg-boss worker ids, to wake them when a job is committed here. */
  readonly #workerIds = new Map<string, string[]>();

  constructor(options: PgBossJobQueueOptions) {
    this.#logger = options.logger;
    this.#timings = checkTimings({ ...QUEUE_TIMING_DEFAULTS, ...options.timings });
    this.#retry = { ...RETRY_DEFAULTS, ...options.retry };
    this.#initialQueues = options.queues ?? [];
    this.#deadLetters = options.deadLetters ?? {};
    const connection = options.connection;
    const common: ConstructorOptions = {
      schema: options.schema ?? "pgboss",
      superviseIntervalSeconds: this.#timings.superviseIntervalSeconds,
      monitorIntervalSeconds: this.#timings.monitorIntervalSeconds,
      // No cron schedules are used; the scheduler would only add polling to the database.
      schedule: false,
    };
    this.#boss =
      "database" in connection
        ? new PgBoss({
            ...common,
            db: pgBossDatabaseFrom(connection.database),
            backend: connection.database.kind === "pglite" ? "pglite" : "postgres",
          })
        : new PgBoss({
            ...common,
            connectionString: connection.connectionString,
            ...(connection.poolSize === undefined ? {} : { max: connection.poolSize }),
          });
    // pg-boss reports background failures (a maintenance pass, a fetch) as events; an unheard
    // `error` event would throw from its timer and take the process down.
    this.#boss.on("error", (error) => this.#logger.error({ err: error }, "job queue background error"));
    this.#boss.on("warning", (warning) => this.#logger.warn({ warning }, `job queue: ${warning.message}`));
  }

  async start(): Promise<void> {
    await this.#boss.start();
    for (const name of this.#initialQueues) await this.#declare(name);
  }

  async enqueue<Payload extends object>(
    name: string,
    payload: Payload,
    options: EnqueueOptions = {},
  ): Promise<string> {
    if (options.tx === undefined) await this.#declare(name);
    else if (!this.#declared.has(name)) {
      throw new Error(
        `queue ${JSON.stringify(name)} must be declared before enqueueing inside a transaction`,
      );
    }
    const key = options.singletonKey;
    const id = key === undefined ? undefined : jobIdForKey(name, key);
    const sent = await this.#boss.send(name, payload, {
      // Extend: lower runs first; pg-boss fetches the highest priority first.
      priority: -(options.priority ?? DEFAULT_JOB_PRIORITY),
      retryLimit: options.retryLimit ?? this.#retry.retryLimit,
      retryDelay: options.retryDelaySeconds ?? this.#retry.retryDelaySeconds,
      retryBackoff: options.retryBackoff ?? this.#retry.retryBackoff,
      // pg-boss rejects a cap on a delay that does not grow.
      ...((options.retryBackoff ?? this.#retry.retryBackoff)
        ? { retryDelayMax: this.#retry.retryDelayMaxSeconds }
        : {}),
      heartbeatSeconds: this.#timings.heartbeatSeconds,
      expireInSeconds: this.#timings.jobTimeoutSeconds,
      ...(id === undefined ? {} : { id, singletonKey: key }),
      ...(options.tx === undefined ? {} : { db: pgBossTransactionFrom(options.tx) }),
    });
    // null: the insert hit an existing row, which only a repeated idempotency key can cause.
    if (sent !== null) return sent;
    if (id !== undefined) return id;
    throw new Error(`queue ${JSON.stringify(name)} refused a job without saying why`);
  }

  async work<Payload extends object>(
    name: string,
    handler: JobHandler<Payload>,
    options: WorkOptions,
  ): Promise<void> {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${options.concurrency}`);
    }
    await this.#declare(name);
    const workOptions = {
      batchSize: 1,
      includeMetadata: true,
      // Per-job results are pg-boss's one way to fail a job terminally ("deadletter"), skipping its
      // remaining retries; a thrown error is always retried.
      perJobResults: true,
      pollingIntervalSeconds: this.#timings.pollingIntervalSeconds,
    } as const;
    // One pg-boss worker per slot rather than localConcurrency, so each handler knows its worker's id:
    // pg-boss waits out the polling interval after every job that took less than it, which would cap
    // a worker at one short job (a webhook delivery) per interval. Waking the worker as its job ends
    // makes it fetch again at once, and poll only once the queue is empty.
    for (let slot = 0; slot < options.concurrency; slot++) {
      let workerId: string | undefined;
      workerId = await this.#boss.work<Payload, JobResult[], typeof workOptions>(
        name,
        workOptions,
        async (jobs) => {
          const results: JobResult[] = [];
          try {
            for (const job of jobs) results.push(await this.#run(job, handler));
          } finally {
            if (workerId !== undefined) this.#boss.notifyWorker(workerId);
          }
          return results;
        },
      );
      if (workerId !== undefined) this.#workerIds.set(name, [...(this.#workerIds.get(name) ?? []), workerId]);
    }
  }

  wake(name: string): void {
    for (const workerId of this.#workerIds.get(name) ?? []) this.#boss.notifyWorker(workerId);
  }

  async cancel(name: string, jobId: string): Promise<boolean> {
    const response = (await this.#boss.cancel(name, jobId)) as { affected?: number };
    return (response.affected ?? 0) > 0;
  }

  async stop(options: StopOptions): Promise<void> {
    await this.#boss.stop({ graceful: options.graceful, timeout: options.timeoutMs, close: true });
  }

  async #run<Payload>(job: JobWithMetadata<Payload>, handler: JobHandler<Payload>): Promise<JobResult> {
    try {
      await handler({
        id: job.id,
        name: job.name,
        data: job.data,
        retryCount: job.retryCount,
        retryLimit: job.retryLimit,
        signal: job.signal,
      });
      return { id: job.id, status: "completed" };
    } catch (error) {
      const context = { queue: job.name, jobId: job.id, retryCount: job.retryCount, err: error };
      if (isPermanentJobError(error)) {
        this.#logger.warn(context, "job failed permanently");
        return { id: job.id, status: "deadletter", output: errorOutput(error) };
      }
      this.#logger.warn(context, job.retryCount < job.retryLimit ? "job failed; will retry" : "job failed");
      throw error;
    }
  }

  /** Creates the queue, or brings an existing one's defaults in line with this configuration. */
  async #declare(name: string): Promise<void> {
    if (this.#declared.has(name)) return;
    const deadLetter = this.#deadLetters[name];
    if (deadLetter !== undefined) await this.#declare(deadLetter);
    // Every enqueue sets these per job too; the queue's copy covers jobs inserted by other means.
    const options = {
      ...(deadLetter === undefined ? {} : { deadLetter }),
      retryLimit: this.#retry.retryLimit,
      retryDelay: this.#retry.retryDelaySeconds,
      retryBackoff: this.#retry.retryBackoff,
      heartbeatSeconds: this.#timings.heartbeatSeconds,
      expireInSeconds: this.#timings.jobTimeoutSeconds,
      ...(this.#retry.retryBackoff ? { retryDelayMax: this.#retry.retryDelayMaxSeconds } : {}),
    } satisfies Omit<Queue, "name">;
    if ((await this.#boss.getQueue(name)) === null) {
      try {
        await this.#boss.createQueue(name, options);
      } catch (error) {
        // Another process declared it between the check and the create.
        if ((await this.#boss.getQueue(name)) === null) throw error;
      }
    } else {
      await this.#boss.updateQueue(name, { retryDelayMax: null, ...options });
    }
    this.#declared.add(name);
  }
}

/** Fails at construction what pg-boss would only reject at the first queue declaration or enqueue. */
function checkTimings(timings: QueueTimings): QueueTimings {
  const { heartbeatSeconds, jobTimeoutSeconds } = timings;
  if (!Number.isInteger(heartbeatSeconds) || heartbeatSeconds < 10) {
    throw new RangeError(`heartbeatSeconds must be an integer >= 10 (pg-boss), got ${heartbeatSeconds}`);
  }
  if (!(jobTimeoutSeconds >= 1 && jobTimeoutSeconds <= 24 * 60 * 60)) {
    throw new RangeError(`jobTimeoutSeconds must be between 1 and 86400 (pg-boss), got ${jobTimeoutSeconds}`);
  }
  return timings;
}

/**
 * A job id derived from (queue, key) turns pg-boss's `ON CONFLICT DO NOTHING` insert into an
 * idempotent enqueue, including between concurrent transactions, without a special queue policy.
 * Formatted as an RFC 4122 name-based (version 5 layout) UUID because the id column is uuid.
 */
function jobIdForKey(name: string, key: string): string {
  const bytes = createHash("sha1").update(`quire-job\u0000${name}\u0000${key}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Stored as the failed job's output, for operators reading the pg-boss tables. */
function errorOutput(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return { name: error.name, message: error.message, stack: error.stack };
}
