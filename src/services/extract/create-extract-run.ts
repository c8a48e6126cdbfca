/**
 * Creating extract runs (spec §2.5, behaviour.md §3.1): exactly one of file | package; an extractor
 * reference (version resolved now, overrideConfig merged) or an inline config, or neither (schema
 * inference). The run snapshots the config it will use, so later edits of the extractor never change
 * what a run did.
 */
import type { Extend } from "extend-ai";
import { newId } from "../../domain/ids.ts";
import { AppError } from "../../shared/app-error.ts";
import type { FileRecord } from "../../storage/repositories/file-repository.ts";
import type { RunRecord } from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";
import { downloadFileInput, type FileInput, prepareFileInput } from "../files/file-input.ts";
import { fileSummaryOf } from "../files/file-summary.ts";
import { resolveVersion } from "../processors/manage-processors.ts";
import { extractorSummaryOf, extractorVersionSummaryOf } from "../processors/processor-summaries.ts";
import { JOB_NAMES } from "../runs/job-names.ts";
import { startRun } from "../runs/start-run.ts";
import { mergeConfig } from "./merge-config.ts";
import { normalizeExtractConfig } from "./normalize-extract-config.ts";

export interface ExtractorReference {
  readonly id: string;
  readonly version?: string | undefined;
  readonly overrideConfig?: Extend.ExtractConfigJson | undefined;
}

export interface CreateExtractRunInput {
  readonly extractor?: ExtractorReference | undefined;
  readonly config?: Extend.ExtractConfigJson | undefined;
  readonly file?: FileInput | undefined;
  readonly package?: { readonly files: readonly FileInput[] } | undefined;
  readonly metadata?: Record<string, unknown> | undefined;
  readonly priority?: number | undefined;
}

export async function createExtractRun(
  ctx: ServiceContext,
  workspaceId: string,
  input: CreateExtractRunInput,
): Promise<RunRecord> {
  if ((input.file === undefined) === (input.package === undefined)) {
    throw new AppError("INVALID_REQUEST", "Provide exactly one of file or package");
  }
  if (input.extractor !== undefined && input.config !== undefined) {
    throw new AppError("INVALID_REQUEST", "extractor and config are mutually exclusive; Path: config");
  }
  const resolved = await resolveExtractConfig(ctx, workspaceId, input);
  const files = await Promise.all(
    (input.file !== undefined ? [input.file] : input.package!.files).map((file) =>
      materialize(ctx, workspaceId, file),
    ),
  );
  const isPackage = input.package !== undefined;
  return startRun(
    ctx,
    {
      id: newId("extractRun"),
      workspaceId,
      type: "extract",
      batchId: null,
      fileId: isPackage ? null : files[0]!.id,
      fileSummary: isPackage ? null : { ...fileSummaryOf(files[0]!) },
      pendingInput: null,
      status: "PROCESSING",
      metadata: input.metadata ?? null,
      config: resolved.config,
      source: "API",
      sourceId: null,
      priority: input.priority ?? 50,
      processorId: resolved.processorId,
      processorSummary: resolved.processorSummary,
      versionSummary: resolved.versionSummary,
      fileSummaries: isPackage ? files.map((file) => ({ ...fileSummaryOf(file) })) : null,
      packageInputs: isPackage ? files.map((file) => ({ fileId: file.id })) : null,
    },
    JOB_NAMES.executeExtractRun,
  );
}

async function materialize(ctx: ServiceContext, workspaceId: string, input: FileInput): Promise<FileRecord> {
  const prepared = await prepareFileInput(ctx, workspaceId, input);
  return prepared.kind === "file" ? prepared.file : downloadFileInput(ctx, workspaceId, prepared.pending);
}

async function resolveExtractConfig(
  ctx: ServiceContext,
  workspaceId: string,
  input: CreateExtractRunInput,
): Promise<{
  config: Extend.ExtractConfigJson;
  processorId: string | null;
  processorSummary: object | null;
  versionSummary: object | null;
}> {
  if (input.extractor === undefined) {
    return {
      config: normalizeExtractConfig(input.config ?? {}, "config"),
      processorId: null,
      processorSummary: null,
      versionSummary: null,
    };
  }
  const { processor, version } = await resolveVersion(
    ctx,
    workspaceId,
    "extractor",
    input.extractor.id,
    input.extractor.version,
  );
  const merged = mergeConfig(version.config as Extend.ExtractConfigJson, input.extractor.overrideConfig);
  return {
    config: normalizeExtractConfig(merged, "extractor.overrideConfig"),
    processorId: processor.id,
    processorSummary: { ...extractorSummaryOf(processor) },
    versionSummary: { ...extractorVersionSummaryOf(version) },
  };
}
