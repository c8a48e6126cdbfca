/** RunRecord → Extend's ParseRun and ParseRunSummary (spec §3.4). */
import type { Extend } from "extend-ai";
import type { RunRecord } from "../../../storage/repositories/run-repository.ts";
import { toUsageSummary } from "../../run-usage.ts";

export function toParseRunSummary(run: RunRecord): Extend.ParseRunSummary {
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
    metrics: run.metrics as Extend.ParseRunSummaryMetrics | null,
    usage: toUsageSummary(run.usage),
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
  };
}

/** The full run: the summary's fields without timestamps (ParseRun has none), plus output and config. */
export function toParseRun(
  run: RunRecord,
  delivery: { readonly output: Extend.ParseRunOutput | null; readonly outputUrl: string | null },
): Extend.ParseRun {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...summary } = toParseRunSummary(run);
  return {
    ...summary,
    output: delivery.output,
    outputUrl: delivery.outputUrl,
    config: run.config as Extend.ParseConfig,
    usage: run.usage as Extend.RunUsage | null,
  };
}
