/**
 * OpenAiCompatibleSchemaInferrer (EXTRACTION_ENGINE=openai-compatible): shows the model the documents'
 * markdown (samples separated by `---`, each cut to an equal share of a character budget) and the user's instructions, asks for a field list through strict
 * structured output (proposal-schema.ts), renders it as an Extend JSON schema and validates it with the
 * same rules as user schemas. A proposal that breaks them, an empty one, or a refusal / non-JSON answer
 * fails with SchemaGenerationError; transport failures reject as LlmRequestError (the run retries).
 */
import {
  type ExtendRootJsonSchema,
  toExtendJsonSchema,
  validateExtractionSchema,
} from "../../../../domain/extraction-schema/index.ts";
import { AppError } from "../../../../shared/app-error.ts";
import {
  type ChatMessage,
  LlmRequestError,
  OpenAiCompatibleLlmClient,
} from "../../../llm/openai-compatible-llm-client.ts";
import {
  SchemaGenerationError,
  type SchemaInferenceRequest,
  type SchemaInferrer,
} from "../schema-inferrer.ts";
import { PROPOSAL_SCHEMA, repeatedKey, type SchemaProposal, toExtendSchema } from "./proposal-schema.ts";

export interface OpenAiCompatibleSchemaInferrerConfig {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  readonly timeoutMs: number;
  /** Markdown characters shown to the model, shared equally by the samples; the rest is left out. */
  readonly maxCharacters: number;
  readonly maxRetries?: number;
  readonly retryBaseMs?: number;
}

const INSTRUCTIONS = [
  "You design a JSON extraction schema for documents like the one given as markdown.",
  "Propose one field per distinct piece of information the document presents (labelled values, totals, dates, parties, identifiers), in document order.",
  "Keys are snake_case (letters, digits, underscores). Label is the text printed next to the value; description says what the value is.",
  "Types: date for dates, currency for money amounts, number or integer for other quantities, boolean for checkboxes and yes/no answers, enum (with enum_values) for a fixed set of options, string otherwise.",
  "Use array with item_fields for repeated rows such as line items or table rows, object with item_fields for a group of related fields. item_fields and enum_values are empty for other types.",
].join("\n");

export class OpenAiCompatibleSchemaInferrer implements SchemaInferrer {
  readonly kind = "openai-compatible" as const;
  private readonly client: OpenAiCompatibleLlmClient;
  private readonly maxCharacters: number;

  constructor(config: OpenAiCompatibleSchemaInferrerConfig) {
    this.client = new OpenAiCompatibleLlmClient({
      baseUrl: config.baseUrl,
      apiKey: config.apiKey,
      model: config.model,
      timeoutMs: config.timeoutMs,
      ...(config.maxRetries === undefined ? {} : { maxRetries: config.maxRetries }),
      ...(config.retryBaseMs === undefined ? {} : { retryBaseMs: config.retryBaseMs }),
    });
    this.maxCharacters = config.maxCharacters;
  }

  async infer(request: SchemaInferenceRequest, signal?: AbortSignal): Promise<ExtendRootJsonSchema> {
    signal?.throwIfAborted();
    // Every sample gets an equal share of the budget, so one long sample cannot hide the others.
    const share = Math.floor(this.maxCharacters / Math.max(1, request.documents.length));
    const markdown = request.documents
      .map((document) => {
        const text = document.parse.chunks.map((chunk) => chunk.content).join("\n\n");
        return text.length > share
          ? `${text.slice(0, share)}\n\n[… the rest of this document is not shown]`
          : text;
      })
      .join("\n\n---\n\n");
    if (markdown.trim() === "")
      throw new SchemaGenerationError("No schema could be inferred: the document has no text.");
    let proposal: unknown;
    try {
      proposal = await this.client.completeJson(
        {
          schemaName: "extraction_schema",
          schema: PROPOSAL_SCHEMA,
          messages: this.messages(markdown, request.instructions),
        },
        signal,
      );
    } catch (error) {
      if (error instanceof LlmRequestError && !error.retryable)
        throw new SchemaGenerationError(`The model did not propose a schema: ${error.message}`, {
          cause: error,
        });
      throw error;
    }
    const fields = (proposal as Partial<SchemaProposal> | null)?.fields;
    if (!Array.isArray(fields) || fields.length === 0)
      throw new SchemaGenerationError("The model proposed no fields for this document.");
    const repeated = repeatedKey(fields);
    if (repeated !== undefined)
      throw new SchemaGenerationError(
        `The model's schema breaks the schema rules: the key ${repeated} appears twice.`,
      );
    try {
      return toExtendJsonSchema(validateExtractionSchema(toExtendSchema({ fields })));
    } catch (error) {
      if (error instanceof AppError)
        throw new SchemaGenerationError(`The model's schema breaks the schema rules: ${error.message}`, {
          cause: error,
        });
      throw error;
    }
  }

  private messages(markdown: string, instructions: string | undefined): ChatMessage[] {
    const system =
      instructions !== undefined && instructions.trim() !== ""
        ? `${INSTRUCTIONS}\n\nInstructions from the user about the fields to extract:\n${instructions.trim()}`
        : INSTRUCTIONS;
    return [
      { role: "system", content: system },
      { role: "user", content: `Document:\n\n${markdown}` },
    ];
  }
}
