/**
 * Extract batches (spec §2.5): one extractor version and override config shared by every input; runs
 * start PENDING with batch priority. URL inputs are downloaded now, one after another, which bounds a
 * batch create by its slowest URLs (the parse batch defers them to workers instead).
 */

import type { Extend } from "extend-ai";
import { newId } from "../../domain/ids.ts";
import type { ServiceContext } from "../context.ts";
import { downloadFileInput, type FileInput, prepareFileInput } from "../files/file-input.ts";
import { fileSummaryOf } from "../files/file-summary.ts";
import { resolveVersion } from "../processors/manage-processors.ts";
import { extractorSummaryOf, extractorVersionSummaryOf } from "../processors/processor-summaries.ts";
import { JOB_NAMES } from "../runs/job-names.ts";
import { startBatch } from "../runs/start-run.ts";
import type { ExtractorReference } from "./create-extract-run.ts";
import { mergeConfig } from "./merge-config.ts";
import { normalizeExtractConfig } from "./normalize-extract-config.ts";

export async function createExtractBatch(
  ctx: ServiceContext,
  workspaceId: string,
  input: {
    readonly extractor: ExtractorReference;
    readonly inputs: readonly {
      readonly file: FileInput;
      readonly metadata?: Record<string, unknown> | undefined;
    }[];
    readonly priority?: number | undefined;
  },
): Promise<{ id: string; runCount: number; createdAt: Date }> {
  const { processor, version } = await resolveVersion(
    ctx,
    workspaceId,
    "extractor",
    input.extractor.id,
    input.extractor.version,
  );
  const config = normalizeExtractConfig(
    mergeConfig(version.config as Extend.ExtractConfigJson, input.extractor.overrideConfig),
    "extractor.overrideConfig",
  );
  const batchId = newId("processorBatch");
  const runs = [];
  for (const item of input.inputs) {
    const prepared = await prepareFileInput(ctx, workspaceId, item.file);
    const file =
      prepared.kind === "file" ? prepared.file : await downloadFileInput(ctx, workspaceId, prepared.pending);
    runs.push({
      id: newId("extractRun"),
      workspaceId,
      type: "extract" as const,
      batchId,
      fileId: file.id,
      fileSummary: { ...fileSummaryOf(file) },
      pendingInput: null,
      status: "PENDING" as const,
      metadata: item.metadata ?? null,
      config,
      source: "BATCH_PROCESSOR_RUN",
      sourceId: batchId,
      priority: input.priority ?? 90,
      processorId: processor.id,
      processorSummary: { ...extractorSummaryOf(processor) },
      versionSummary: { ...extractorVersionSummaryOf(version) },
    });
  }
  await startBatch(ctx, { id: batchId, workspaceId, type: "extract" }, runs, JOB_NAMES.executeExtractRun);
  return { id: batchId, runCount: runs.length, createdAt: new Date() };
}
