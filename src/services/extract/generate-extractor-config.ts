/**
 * `POST /extractors` with `generate` (spec §2.6, behaviour.md §3.6): the 1–5 sample files are stored (ids
 * reused, URLs downloaded), parsed through the parse cache, and handed together to the configured
 * SchemaInferrer (which infers per sample and merges), `generate.instructions` as its instructions. The
 * result is the draft config `{schema}`. A sample that cannot be parsed, or samples nothing can be
 * inferred from, answer 400 naming `generate.files[i]` / `generate`; a bad id is a 404, an unreachable
 * URL a 422 (as for runs).
 */
import type { Extend } from "extend-ai";
import type { ExtractionDocument } from "../../providers/extraction/field-extractor.ts";
import { SchemaGenerationError } from "../../providers/extraction/schema-inference/schema-inferrer.ts";
import { invalidRequest } from "../../shared/app-error.ts";
import type { ServiceContext } from "../context.ts";
import { downloadFileInput, type FileInput, prepareFileInput } from "../files/file-input.ts";
import { effectiveParseConfig } from "../parse/effective-parse-config.ts";
import { parseWithCache } from "../parse/parse-file.ts";

export interface GenerateInput {
  readonly files: readonly FileInput[];
  readonly instructions?: string | undefined;
}

export async function generateExtractorConfig(
  ctx: ServiceContext,
  workspaceId: string,
  input: GenerateInput,
  signal: AbortSignal = new AbortController().signal,
): Promise<Extend.ExtractConfigJson> {
  // The parse an extract run of the sample would ask for, so that run reuses this one from the cache.
  const parseConfig = effectiveParseConfig({ advancedOptions: { returnOcr: { words: true } } });
  const documents: ExtractionDocument[] = [];
  for (const [index, sample] of input.files.entries()) {
    const prepared = await prepareFileInput(ctx, workspaceId, sample);
    const file =
      prepared.kind === "file"
        ? prepared.file
        : await downloadFileInput(ctx, workspaceId, prepared.pending, signal);
    const parsed = await parseWithCache(ctx, file, parseConfig, signal);
    if (parsed.status === "failure") {
      throw invalidRequest(
        `Sample file ${file.name} could not be parsed: ${parsed.failureMessage} (${parsed.failureReason})`,
        `generate.files[${index}]`,
      );
    }
    const output =
      parsed.output ??
      (JSON.parse(
        (await ctx.blobs.getBytes(parsed.outputBlobKey)).toString("utf8"),
      ) as Extend.ParseRunOutput);
    // Inference reads blocks and text, not word boxes.
    documents.push({ fileId: file.id, parse: output, words: [] });
  }
  try {
    const schema = await ctx.schemaInferrer.infer({ documents, instructions: input.instructions }, signal);
    return { schema: { ...schema } };
  } catch (error) {
    if (error instanceof SchemaGenerationError)
      throw invalidRequest(
        `Schema generation failed (SCHEMA_GENERATION_FAILED): ${error.message}`,
        "generate",
      );
    throw error;
  }
}
