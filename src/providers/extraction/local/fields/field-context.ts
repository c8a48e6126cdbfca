/**
 * What every field finder shares during one extraction: the search context, the rules and options, the
 * metadata being collected; and the small steps all of them take (building a field's request, finishing
 * a value, recording its metadata).
 */
import type { ExtractionValue } from "../../../../domain/extraction-schema/index.ts";
import type { ExtractionOptions } from "../../field-extractor.ts";
import { expandedWords, labelsOf } from "../labels/field-labels.ts";
import { type FieldMetadata, metadataFor } from "../output/field-metadata.ts";
import type { ExtractionRules } from "../rules/extraction-rules.ts";
import { semanticKindOf } from "../values/semantic-kinds.ts";
import { explain } from "./choose-candidate.ts";
import type { Candidate, ScalarRequest, SearchContext } from "./find-scalar.ts";
import type { ScalarNode } from "./read-field.ts";

export interface ExtractionState extends SearchContext {
  readonly rules: ExtractionRules;
  readonly options: ExtractionOptions;
  readonly metadata: Record<string, FieldMetadata>;
  readonly signal: AbortSignal | undefined;
}

/** Field-name words that mean long-form text, which may wrap onto several lines. */
const LONG_TEXT = new Set([
  "address",
  "note",
  "notes",
  "description",
  "comment",
  "comments",
  "remarks",
  "instructions",
  "message",
  "details",
  "narration",
  "memo",
  "reason",
  "purpose",
  "summary",
  "text",
  "body",
  "terms",
  "conditions",
]);

export function scalarRequest(
  key: string,
  node: ScalarNode,
  inItem: boolean,
  occurrence?: ScalarRequest["occurrence"],
): ScalarRequest {
  const labels = labelsOf(key, node, inItem);
  const words = [...labels.words, ...(node.extendName === null ? [] : expandedWords(node.extendName))];
  const semantic = semanticKindOf(words);
  const longForm = node.kind === "string" && words.some((word) => LONG_TEXT.has(word));
  return {
    key: `${inItem ? "item:" : ""}${key}:${node.schemaPath}`,
    node,
    labels,
    semantic,
    multiline: node.kind === "string" && (longForm || semantic === "text"),
    longForm,
    identifier:
      (node.kind === "number" || node.kind === "integer") &&
      ["identifier", "vat_id", "siren"].includes(semantic) &&
      labels.concepts.every((concept) => concept.value === "identifier"),
    occurrence,
  };
}

export function record(state: ExtractionState, path: string, candidate: Candidate): void {
  state.metadata[path] = metadataFor(candidate.tokens, state.layout, state.options, explain(candidate));
}

/** Rule-driven finishing: upper/lower case strings; the default currency where none was printed. */
export function finishValue(value: ExtractionValue, rules: ExtractionRules): ExtractionValue {
  if (typeof value === "string") {
    if (rules.textCase === "upper") return value.toUpperCase();
    if (rules.textCase === "lower") return value.toLowerCase();
    return value.trim();
  }
  if (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    "iso_4217_currency_code" in value
  )
    return {
      ...value,
      iso_4217_currency_code: value.iso_4217_currency_code ?? rules.defaultCurrency ?? null,
    };
  return value;
}
