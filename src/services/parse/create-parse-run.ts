/**
 * Creating parse runs, single and batched. A single run's file is resolved now (a URL is downloaded
 * through the SSRF guard, so a refused URL is an immediate 4xx and nothing is stored); batch inputs
 * that are URLs are downloaded by the worker, their runs showing `file: null` until then.
 */
import type { Extend } from "extend-ai";
import { parseCharge } from "../../domain/credits.ts";
import { newId } from "../../domain/ids.ts";
import type { RunRecord } from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";
import { downloadFileInput, type FileInput, prepareFileInput } from "../files/file-input.ts";
import { fileSummaryOf } from "../files/file-summary.ts";
import { JOB_NAMES } from "../runs/job-names.ts";
import { startBatch, startRun } from "../runs/start-run.ts";
import { effectiveParseConfig } from "./effective-parse-config.ts";

export interface CreateParseRunInput {
  readonly file: FileInput;
  readonly config?: Extend.ParseConfig | undefined;
  readonly metadata?: Record<string, unknown> | undefined;
  readonly priority?: number | undefined;
}

export async function createParseRun(
  ctx: ServiceContext,
  workspaceId: string,
  input: CreateParseRunInput,
): Promise<RunRecord> {
  const prepared = await prepareFileInput(ctx, workspaceId, input.file);
  const file =
    prepared.kind === "file" ? prepared.file : await downloadFileInput(ctx, workspaceId, prepared.pending);
  return startRun(
    ctx,
    {
      id: newId("parseRun"),
      workspaceId,
      type: "parse",
      batchId: null,
      fileId: file.id,
      fileSummary: { ...fileSummaryOf(file) },
      pendingInput: null,
      status: "PROCESSING",
      metadata: input.metadata ?? null,
      config: effectiveParseConfig(input.config),
      source: "API",
      sourceId: null,
      priority: input.priority ?? 50,
    },
    JOB_NAMES.executeParseRun,
  );
}

export interface CreateParseBatchInput {
  readonly inputs: readonly {
    readonly file: FileInput;
    readonly metadata?: Record<string, unknown> | undefined;
  }[];
  readonly config?: Extend.ParseConfig | undefined;
  readonly priority?: number | undefined;
}

/** Returns the batch id. All runs share one effective config and start PENDING. */
export async function createParseBatch(
  ctx: ServiceContext,
  workspaceId: string,
  input: CreateParseBatchInput,
): Promise<{ id: string; runCount: number; createdAt: Date }> {
  const batchId = newId("parseBatch");
  const config = effectiveParseConfig(input.config);
  // Upstream parity: batch submissions get a lower default priority than single runs (behaviour.md §1.4).
  const priority = input.priority ?? 90;
  const runs = [];
  for (const item of input.inputs) {
    const prepared = await prepareFileInput(ctx, workspaceId, item.file);
    runs.push({
      id: newId("parseRun"),
      workspaceId,
      type: "parse" as const,
      batchId,
      fileId: prepared.kind === "file" ? prepared.file.id : null,
      fileSummary: prepared.kind === "file" ? { ...fileSummaryOf(prepared.file) } : null,
      pendingInput: prepared.kind === "url" ? { ...prepared.pending } : null,
      status: "PENDING" as const,
      metadata: item.metadata ?? null,
      config,
      source: "BATCH_PARSER_RUN",
      sourceId: batchId,
      priority,
    });
  }
  await startBatch(ctx, { id: batchId, workspaceId, type: "parse" }, runs, JOB_NAMES.executeParseRun);
  return { id: batchId, runCount: runs.length, createdAt: new Date() };
}

/** Usage as Extend reports it: the run's own line item, with one charge for the parsed pages. */
export function parseUsage(
  runId: string,
  engine: "parse_performance" | "parse_light",
  pageCount: number,
): Extend.RunUsage {
  const charge = parseCharge(engine, pageCount);
  return {
    credits: charge.credits,
    totalCredits: charge.credits,
    breakdown: [{ object: "parse_run", id: runId, credits: charge.credits, charges: [{ ...charge }] }],
  };
}
