/**
 * LocalFieldExtractor (EXTRACTION_ENGINE=local): offline, deterministic, fast. Reads the parse output and
 * words into a layout of lines and segments, finds each schema field by its labels (key words,
 * extend:name, description, a synonym lexicon), reads typed values next to them or in tables, and cites
 * the words it read. No model, no network, no per-document rules. `arrayStrategy` changes nothing here:
 * tables are always read whole, across pages. The work is synchronous (~10–30 ms a page), so the class
 * runs it in a small pool of worker threads: a long document's extraction never blocks HTTP or the run
 * worker's event loop. `extractLocally` is the in-thread core (evals, benches, the worker itself).
 */
import type { Extend } from "extend-ai";
import type { SchemaField } from "../../../domain/extraction-schema/index.ts";
import type { ExtractionRequest, FieldExtractor } from "../field-extractor.ts";
import { extractFields } from "./extract-schema.ts";
import type { ExtractionState } from "./fields/field-context.ts";
import { labelsOf } from "./labels/field-labels.ts";
import { LabelIndex } from "./labels/label-index.ts";
import { buildDocumentLayout } from "./layout/document-layout.ts";
import type { FieldMetadata } from "./output/field-metadata.ts";
import { parseExtractionRules } from "./rules/extraction-rules.ts";
import { readConventions } from "./values/conventions.ts";
import { ExtractionPool } from "./worker/extraction-pool.ts";

export interface LocalFieldExtractorOptions {
  /** Worker threads (default: up to 2), or "in-thread" to run on the caller's thread. */
  readonly threads?: number | "in-thread";
}

export class LocalFieldExtractor implements FieldExtractor {
  readonly kind = "local" as const;
  readonly #pool: ExtractionPool | undefined;

  constructor(options: LocalFieldExtractorOptions = {}) {
    this.#pool = options.threads === "in-thread" ? undefined : new ExtractionPool(options.threads);
  }

  async extract(request: ExtractionRequest, signal?: AbortSignal): Promise<Extend.ExtractOutputJson> {
    signal?.throwIfAborted();
    if (this.#pool === undefined) return extractLocally(request, signal);
    return (await this.#pool.run(request, signal)).output;
  }

  /** Stops the worker threads (idle ones do not keep the process alive anyway). */
  async close(): Promise<void> {
    await this.#pool?.close();
  }
}

/** The synchronous core (the class wraps it in the port's promise). */
export function extractLocally(request: ExtractionRequest, signal?: AbortSignal): Extend.ExtractOutputJson {
  const layout = buildDocumentLayout(request.documents);
  const rules = parseExtractionRules(request.extractionRules);
  const read = readConventions(layout.lines.map((line) => line.tokens.map((token) => token.text).join(" ")));
  const conventions = {
    decimal: rules.decimal ?? read.decimal,
    dateOrder: rules.dateOrder ?? read.dateOrder,
    currency: read.currency ?? rules.defaultCurrency,
  };
  const metadata: Record<string, FieldMetadata> = {};
  const state: ExtractionState = {
    layout,
    index: new LabelIndex(schemaPhrases(request.schema.fields)),
    conventions,
    rules,
    options: request.options,
    metadata,
    signal,
  };
  const value = extractFields(request.schema.fields, "", state);
  return { value, metadata };
}

/** Every field's own labels, at every depth: they compete with each other for places in the text. */
function schemaPhrases(fields: readonly SchemaField[], inItem = false): string[] {
  const phrases: string[] = [];
  for (const field of fields) {
    for (const label of labelsOf(field.key, field, inItem).phrases)
      if (label.source === "exact") phrases.push(label.phrase);
    if (field.kind === "object" || field.kind === "signature" || field.kind === "currency")
      phrases.push(...schemaPhrases(field.fields, inItem));
    if (field.kind === "array" && "fields" in field.items)
      phrases.push(...schemaPhrases(field.items.fields, true));
  }
  return phrases;
}
