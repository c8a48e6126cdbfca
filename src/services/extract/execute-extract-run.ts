/**
 * The extract job: parse every input file (through the parse cache; each parse is recorded as a parse
 * run linked by parseRunId), infer a schema when the config has none, then fill the schema with the
 * configured FieldExtractor and store the output. Idempotent under redelivery like every executor; cancellable between and during steps.
 */
import type { Extend } from "extend-ai";
import { extractCharge, parseCharge } from "../../domain/credits.ts";
import { validateExtractionSchema } from "../../domain/extraction-schema/index.ts";
import { newId } from "../../domain/ids.ts";
import { isTerminal } from "../../domain/run-status.ts";
import type { DocumentWord, ExtractionDocument } from "../../providers/extraction/field-extractor.ts";
import type { JobContext } from "../../queue/job-queue.ts";
import { AppError } from "../../shared/app-error.ts";
import { type FileRecord, findFile } from "../../storage/repositories/file-repository.ts";
import {
  findRun,
  insertRun,
  type RunRecord,
  recordAttempt,
  transitionRun,
} from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";
import { fileSummaryOf } from "../files/file-summary.ts";
import { parseUsage } from "../parse/create-parse-run.ts";
import { effectiveParseConfig } from "../parse/effective-parse-config.ts";
import { parseWithCache } from "../parse/parse-file.ts";
import type { RunJobPayload } from "../runs/job-names.ts";
import { watchForCancellation } from "../runs/watch-for-cancellation.ts";
import { inferRunSchema } from "./infer-run-schema.ts";

export async function executeExtractRun(ctx: ServiceContext, job: JobContext<RunJobPayload>): Promise<void> {
  const found = await findRun(ctx.db, job.data.runId, { type: "extract" });
  if (found === undefined || isTerminal(found.status)) return;
  const run = found.status === "PENDING" ? await transitionRun(ctx.db, found.id, "PROCESSING") : found;
  if (run === undefined) return; // cancelled or deleted meanwhile
  await recordAttempt(ctx.db, run.id);
  const watcher = watchForCancellation(ctx, run.id, job.signal);
  try {
    const config = run.config as Extend.ExtractConfigJson;
    // Without a schema, one is inferred from the parsed documents (below).
    let schema = config.schema === undefined ? undefined : validateExtractionSchema(config.schema);
    const files = await loadFiles(ctx, run);
    if (typeof files === "string") return await fail(ctx, run, "FAILED_TO_PROCESS_FILE", files);
    // Words with boxes make line- and word-level citations possible (returnOcr.words, digital text too).
    const parseConfig = effectiveParseConfig({
      ...config.parseConfig,
      advancedOptions: { ...config.parseConfig?.advancedOptions, returnOcr: { words: true } },
    });
    const documents: ExtractionDocument[] = [];
    let pageCount = 0;
    let parseRunId: string | undefined;
    for (const file of files) {
      const parsed = await parseWithCache(ctx, file, parseConfig, watcher.signal);
      if (watcher.signal.aborted) return;
      if (parsed.status === "failure") {
        return await fail(
          ctx,
          run,
          "PARSING_ERROR",
          `${file.name}: ${parsed.failureMessage} (${parsed.failureReason})`,
        );
      }
      const output =
        parsed.output ??
        (JSON.parse(
          (await ctx.blobs.getBytes(parsed.outputBlobKey)).toString("utf8"),
        ) as Extend.ParseRunOutput);
      const recorded = await recordParseRun(
        ctx,
        run,
        file,
        parseConfig,
        parsed.outputBlobKey,
        parsed.pageCount,
      );
      parseRunId ??= recorded;
      pageCount += parsed.pageCount;
      documents.push({
        fileId: run.packageInputs === null ? undefined : file.id,
        parse: output,
        words: wordsOf(output),
      });
    }
    if (schema === undefined) {
      const inferred = await inferRunSchema(ctx, run, config, documents, watcher.signal);
      if (watcher.signal.aborted) return;
      if (typeof inferred === "string") return await fail(ctx, run, "SCHEMA_GENERATION_FAILED", inferred);
      schema = inferred;
    }
    const options = config.advancedOptions ?? {};
    const output = await ctx.extractor.extract(
      {
        schema,
        documents,
        extractionRules: config.extractionRules,
        options: {
          citationsEnabled: options.citationsEnabled ?? true,
          citationMode: (options.citationMode as "line" | "word" | "block" | undefined) ?? "line",
          arrayCitationStrategy: (options.arrayCitationStrategy as "item" | "property" | undefined) ?? "item",
          modelReasoningInsightsEnabled: options.modelReasoningInsightsEnabled ?? false,
          arrayStrategy: (options.arrayStrategy?.type as never) ?? undefined,
        },
      },
      watcher.signal,
    );
    if (watcher.signal.aborted) return;
    const processor =
      config.baseProcessor === "extraction_light" ? "extraction_light" : "extraction_performance";
    const charge = extractCharge(processor, pageCount);
    const parseCredits = parseCharge(parseConfig.engine, pageCount).credits;
    const finished = await transitionRun(ctx.db, run.id, "PROCESSED", {
      output,
      parseRunId: parseRunId ?? null,
      usage: {
        credits: charge.credits,
        totalCredits: Math.round((charge.credits + parseCredits) * 100) / 100,
        breakdown: [{ object: "extract_run", id: run.id, credits: charge.credits, charges: [{ ...charge }] }],
      },
      failureReason: null,
      failureMessage: null,
    });
    if (finished !== undefined) ctx.runEvents.emitFinished(run.id);
  } catch (error) {
    if (watcher.signal.aborted) return;
    if (error instanceof AppError && error.code === "INVALID_REQUEST") {
      return await fail(ctx, run, "INVALID_CONFIGURATION", error.message);
    }
    if (job.retryCount >= job.retryLimit) {
      return await fail(
        ctx,
        run,
        "INTERNAL_ERROR",
        `Extraction failed after ${job.retryCount + 1} attempts: ${(error as Error).message}`,
      );
    }
    throw error;
  } finally {
    watcher.stop();
  }
}

async function fail(ctx: ServiceContext, run: RunRecord, reason: string, message: string): Promise<void> {
  const failed = await transitionRun(ctx.db, run.id, "FAILED", {
    failureReason: reason,
    failureMessage: message,
  });
  if (failed !== undefined) ctx.runEvents.emitFinished(run.id);
}

async function loadFiles(ctx: ServiceContext, run: RunRecord): Promise<FileRecord[] | string> {
  const ids =
    run.packageInputs !== null
      ? run.packageInputs.map((input) => (input as { fileId: string }).fileId)
      : run.fileId === null
        ? []
        : [run.fileId];
  const files: FileRecord[] = [];
  for (const id of ids) {
    const file = await findFile(ctx.db, run.workspaceId, id);
    if (file === undefined) return `File ${id} was deleted before it was processed`;
    files.push(file);
  }
  return files.length === 0 ? "The run has no file" : files;
}

/** The parse an extraction read, as a PROCESSED parse run (source DOCUMENT_PROCESSOR_RUN) it links to. */
async function recordParseRun(
  ctx: ServiceContext,
  extractRun: RunRecord,
  file: FileRecord,
  parseConfig: object,
  outputBlobKey: string,
  pageCount: number,
): Promise<string> {
  const id = newId("parseRun");
  await insertRun(ctx.db, {
    id,
    workspaceId: extractRun.workspaceId,
    type: "parse",
    batchId: null,
    fileId: file.id,
    fileSummary: { ...fileSummaryOf(file) },
    pendingInput: null,
    status: "PROCESSING",
    metadata: null,
    config: parseConfig,
    source: "DOCUMENT_PROCESSOR_RUN",
    sourceId: extractRun.id,
    priority: extractRun.priority,
  });
  await transitionRun(ctx.db, id, "PROCESSED", {
    outputBlobKey,
    metrics: { processingTimeMs: 0, pageCount },
    usage: {
      ...parseUsage(id, (parseConfig as { engine: "parse_performance" | "parse_light" }).engine, pageCount),
    },
  });
  return id;
}

function wordsOf(output: Extend.ParseRunOutput): DocumentWord[] {
  return (output.ocr?.words ?? []).flatMap((word) => {
    const box = word.boundingBox;
    if (box.left === null || box.top === null || box.right === null || box.bottom === null) return [];
    return [
      {
        content: word.content,
        pageNumber: word.pageNumber,
        boundingBox: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
        confidence: word.confidence,
      },
    ];
  });
}
