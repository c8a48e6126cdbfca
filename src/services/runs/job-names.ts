/** The job catalogue: queue names, one per run type's executor. Declared at queue start. */
export const JOB_NAMES = {
  executeParseRun: "parse-run.execute",
} as const;

export const ALL_JOB_NAMES: readonly string[] = Object.values(JOB_NAMES);

export interface RunJobPayload {
  readonly runId: string;
}
