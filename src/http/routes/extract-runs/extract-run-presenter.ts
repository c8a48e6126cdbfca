/** RunRecord → Extend's ExtractRun and ExtractRunSummary (spec §3.5). */
import type { Extend } from "extend-ai";
import type { RunRecord } from "../../../storage/repositories/run-repository.ts";
import { toUsageSummary } from "../../run-usage.ts";

export function toExtractRunSummary(run: RunRecord, baseUrl: string): Extend.ExtractRunSummary {
  return {
    object: "extract_run",
    id: run.id,
    extractor: run.processorSummary as Extend.ExtractorSummary | null,
    extractorVersion: run.versionSummary as Extend.ExtractorVersionSummary | null,
    status: run.status,
    failureReason: run.failureReason,
    failureMessage: run.failureMessage,
    metadata: run.metadata,
    reviewed: false,
    edited: false,
    file: run.fileSummary as Extend.FileSummary | null,
    files: run.fileSummaries as Extend.FileSummary[] | null,
    parseRunId: run.parseRunId,
    // Quire has no dashboard: the run's own API resource is where a person can look at it.
    dashboardUrl: `${baseUrl}/extract_runs/${run.id}`,
    usage: toUsageSummary(run.usage),
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
  };
}

export function toExtractRun(run: RunRecord, baseUrl: string): Extend.ExtractRun {
  const summary = toExtractRunSummary(run, baseUrl);
  return {
    ...summary,
    output: run.output as Extend.ExtractOutput | null,
    // Upstream parity: initialOutput/reviewedOutput are set only once a person reviewed the run.
    initialOutput: null,
    reviewedOutput: null,
    edits: null,
    config: run.config as Extend.ExtractConfig,
    usage: run.usage as Extend.RunUsage | null,
  };
}
