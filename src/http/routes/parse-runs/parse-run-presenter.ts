/** RunRecord → Extend's ParseRun and ParseRunSummary (spec §3.4). */
import type { Extend } from "extend-ai";
import type { RunRecord } from "../../../storage/repositories/run-repository.ts";

export function toParseRun(
  run: RunRecord,
  delivery: { readonly output: Extend.ParseRunOutput | null; readonly outputUrl: string | null },
): Extend.ParseRun {
  return {
    object: "parse_run",
    id: run.id,
    batchId: run.batchId,
    // Upstream parity: null for a batch run whose input has not been (or could not be) downloaded.
    file: run.fileSummary as unknown as Extend.FileSummary,
    status: run.status,
    failureReason: run.failureReason,
    failureMessage: run.failureMessage,
    metadata: run.metadata,
    output: delivery.output,
    outputUrl: delivery.outputUrl,
    metrics: run.metrics as Extend.ParseRunMetrics | null,
    config: run.config as Extend.ParseConfig,
    usage: run.usage as Extend.RunUsage | null,
  };
}

export function toParseRunSummary(run: RunRecord): Extend.ParseRunSummary {
  const usage = run.usage as Extend.RunUsage | null;
  return {
    object: "parse_run",
    id: run.id,
    batchId: run.batchId,
    file: run.fileSummary as unknown as Extend.FileSummary,
    status: run.status,
    failureReason: run.failureReason,
    failureMessage: run.failureMessage,
    metadata: run.metadata,
    metrics: run.metrics as Extend.ParseRunSummaryMetrics | null,
    usage:
      usage === null
        ? null
        : {
            credits: usage.credits,
            ...(usage.totalCredits === undefined ? {} : { totalCredits: usage.totalCredits }),
          },
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
  };
}
