/**
 * The job catalogue: queue names, one per run type's executor, and the dead-letter queue each one's
 * exhausted jobs land in. Declared at queue start so runs can be enqueued inside their transaction.
 */
export const JOB_NAMES = {
  executeParseRun: "parse-run.execute",
  executeExtractRun: "extract-run.execute",
  abandonedRun: "run.abandoned",
} as const;

/** Executor queue → dead-letter queue: jobs that used up their retries, a crash on the last included. */
export const DEAD_LETTER_QUEUES: Readonly<Record<string, string>> = {
  [JOB_NAMES.executeParseRun]: JOB_NAMES.abandonedRun,
  [JOB_NAMES.executeExtractRun]: JOB_NAMES.abandonedRun,
};

export const ALL_JOB_NAMES: readonly string[] = Object.values(JOB_NAMES);

export interface RunJobPayload {
  readonly runId: string;
}
