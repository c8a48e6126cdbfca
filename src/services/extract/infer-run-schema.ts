/**
 * Schema inference for an extract run without a schema (behaviour.md §3.1): the configured
 * SchemaInferrer reads the parsed documents (extractionRules as its instructions); the inferred schema
 * joins the run's config snapshot, so GET shows the schema the run used. A SchemaGenerationError is the
 * run's SCHEMA_GENERATION_FAILED message; other errors propagate (retries, then INTERNAL_ERROR).
 */
import type { Extend } from "extend-ai";
import { type ValidatedSchema, validateExtractionSchema } from "../../domain/extraction-schema/index.ts";
import type { ExtractionDocument } from "../../providers/extraction/field-extractor.ts";
import { SchemaGenerationError } from "../../providers/extraction/schema-inference/schema-inferrer.ts";
import { type RunRecord, updateRunConfig } from "../../storage/repositories/run-repository.ts";
import type { ServiceContext } from "../context.ts";

/** The validated inferred schema, or the failure message when none could be inferred. */
export async function inferRunSchema(
  ctx: ServiceContext,
  run: RunRecord,
  config: Extend.ExtractConfigJson,
  documents: readonly ExtractionDocument[],
  signal: AbortSignal,
): Promise<ValidatedSchema | string> {
  let schema: Record<string, unknown>;
  try {
    schema = {
      ...(await ctx.schemaInferrer.infer({ documents, instructions: config.extractionRules }, signal)),
    };
  } catch (error) {
    if (error instanceof SchemaGenerationError) return error.message;
    throw error;
  }
  const validated = validateExtractionSchema(schema);
  await updateRunConfig(ctx.db, run.id, { ...config, schema });
  return validated;
}
