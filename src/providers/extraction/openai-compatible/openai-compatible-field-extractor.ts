/**
 * OpenAiCompatibleFieldExtractor (EXTRACTION_ENGINE=openai-compatible): sends the document's markdown to
 * an OpenAI-compatible chat model with the schema as a strict JSON-schema response format, window by
 * window for long documents (windows.ts), merges the windows (merge.ts) and cites every value where it
 * is printed using the local engine's layout and citation code (locate-values.ts). With reasoning
 * insights on, the model also explains each field and that text becomes its insight (reasoning.ts).
 */
import type { Extend } from "extend-ai";
import { OpenAiCompatibleLlmClient } from "../../llm/openai-compatible-llm-client.ts";
import type { ExtractionRequest, FieldExtractor } from "../field-extractor.ts";
import { buildDocumentLayout } from "../local/layout/document-layout.ts";
import { buildMetadata } from "./locate-values.ts";
import { mergeWindows } from "./merge.ts";
import { messagesFor } from "./prompt.ts";
import { attachInsights, splitReasoning, withReasoning } from "./reasoning.ts";
import { toStrictJsonSchema } from "./strict-schema.ts";
import { buildWindows } from "./windows.ts";

export interface OpenAiCompatibleExtractorConfig {
  /** e.g. `https://api.openai.com/v1`; `/chat/completions` is appended. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  /** Per model request (each attempt). */
  readonly timeoutMs: number;
  /** Markdown characters per window; longer documents are split by pages. */
  readonly maxCharactersPerWindow: number;
  /** Retries on 429/5xx/network errors (default 3) and the first backoff (default 500 ms). */
  readonly maxRetries?: number;
  readonly retryBaseMs?: number;
  /** Windows sent at once (default 4). */
  readonly concurrency?: number;
}

export class OpenAiCompatibleFieldExtractor implements FieldExtractor {
  readonly kind = "openai-compatible" as const;
  private readonly client: OpenAiCompatibleLlmClient;
  private readonly maxCharacters: number;
  private readonly concurrency: number;

  constructor(config: OpenAiCompatibleExtractorConfig) {
    this.client = new OpenAiCompatibleLlmClient({
      baseUrl: config.baseUrl,
      apiKey: config.apiKey,
      model: config.model,
      timeoutMs: config.timeoutMs,
      ...(config.maxRetries === undefined ? {} : { maxRetries: config.maxRetries }),
      ...(config.retryBaseMs === undefined ? {} : { retryBaseMs: config.retryBaseMs }),
    });
    this.maxCharacters = config.maxCharactersPerWindow;
    this.concurrency = Math.max(1, config.concurrency ?? 4);
  }

  async extract(request: ExtractionRequest, signal?: AbortSignal): Promise<Extend.ExtractOutputJson> {
    signal?.throwIfAborted();
    const windows = buildWindows(request, this.maxCharacters);
    const reasoning = request.options.modelReasoningInsightsEnabled;
    const strict = toStrictJsonSchema(request.schema);
    const answers = await mapLimited(windows, this.concurrency, (window, index) =>
      this.client.completeJson(
        {
          schemaName: "extraction",
          schema: reasoning ? withReasoning(strict) : strict,
          messages: messagesFor(window, index, windows.length, request.extractionRules, reasoning),
        },
        signal,
      ),
    );
    const parts = answers.map((answer) =>
      reasoning ? splitReasoning(answer) : { values: answer, reasoning: new Map<string, string>() },
    );
    const merged = mergeWindows(
      request.schema,
      parts.map((part) => part.values),
    );
    const layout = buildDocumentLayout(request.documents);
    const metadata = buildMetadata(
      request.schema,
      merged.value,
      layout,
      request.options,
      windows,
      merged.origins,
    );
    if (reasoning)
      attachInsights(
        metadata,
        request.schema,
        parts.map((part) => part.reasoning),
        merged.origins,
      );
    return { value: merged.value, metadata };
  }
}

/** Runs `work` over `items` with at most `limit` in flight; results in input order; first failure rejects. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(runners);
  return results;
}
