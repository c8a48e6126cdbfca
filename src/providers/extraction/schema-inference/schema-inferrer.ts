/**
 * The schema-inference port (behaviour.md §3.1): when an extract run has no schema, or an extractor is
 * created with `generate`, a schema is inferred from parsed documents before extraction. Same engine
 * choice as the FieldExtractor: the offline LocalSchemaInferrer by default, the OpenAI-compatible one
 * when configured. The result is an Extend JSON schema that already passed validateExtractionSchema.
 */
import type { ExtendRootJsonSchema } from "../../../domain/extraction-schema/index.ts";
import type { ExtractionDocument } from "../field-extractor.ts";

export interface SchemaInferenceRequest {
  /** One or more parsed documents (a package's files, or an extractor's sample files). */
  readonly documents: readonly ExtractionDocument[];
  /** `extractionRules` of the run or `generate.instructions`; each engine documents what it honours. */
  readonly instructions: string | undefined;
}

export interface SchemaInferrer {
  readonly kind: "local" | "openai-compatible";
  /**
   * Resolves with a valid schema; rejects with SchemaGenerationError when nothing usable was found or
   * the model's schema breaks the rules (→ SCHEMA_GENERATION_FAILED), with other errors on defects or
   * (LLM) transport failures.
   */
  infer(request: SchemaInferenceRequest, signal?: AbortSignal): Promise<ExtendRootJsonSchema>;
}

/** No usable schema could be inferred; the message says why (shown as the run's failureMessage). */
export class SchemaGenerationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SchemaGenerationError";
  }
}
