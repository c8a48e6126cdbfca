/**
 * One metadata entry (behaviour.md §3.4): citations in the requested mode, ocrConfidence as the minimum
 * over the cited words, logprobsConfidence null (Extend returns null from extraction_performance 4.6.0 on
 * and never from extraction_light; a local extractor has no logprobs), and, when asked for, a reasoning
 * insight saying which label led to the value and how well it matched.
 */
import type { Extend } from "extend-ai";
import type { ExtractionOptions } from "../../field-extractor.ts";
import type { CitedToken } from "../fields/span.ts";
import type { DocumentLayout } from "../layout/layout-model.ts";
import { citationsFor, ocrConfidenceOf } from "./citations.ts";

export type FieldMetadata = Extend.ExtractOutputMetadataValue;

export function metadataFor(
  tokens: readonly CitedToken[],
  layout: DocumentLayout,
  options: ExtractionOptions,
  reasoning: string | undefined,
  cite = true,
): FieldMetadata {
  const entry: FieldMetadata = { ocrConfidence: ocrConfidenceOf(tokens, layout), logprobsConfidence: null };
  if (options.citationsEnabled)
    entry.citations = cite ? citationsFor(tokens, layout, options.citationMode) : [];
  if (options.modelReasoningInsightsEnabled && reasoning !== undefined)
    entry.insights = [{ type: "reasoning", content: reasoning }];
  return entry;
}

/** An entry summarising children (an object, an array item, an array): the lowest child confidence. */
export function summaryMetadata(
  children: readonly FieldMetadata[],
  options: ExtractionOptions,
  citations: Extend.Citation[] | undefined,
  reasoning: string | undefined,
): FieldMetadata {
  let minimum: number | null = null;
  for (const child of children) {
    const confidence = child.ocrConfidence;
    if (confidence !== null && confidence !== undefined)
      minimum = minimum === null ? confidence : Math.min(minimum, confidence);
  }
  const entry: FieldMetadata = { ocrConfidence: minimum, logprobsConfidence: null };
  if (options.citationsEnabled) entry.citations = citations ?? [];
  if (options.modelReasoningInsightsEnabled && reasoning !== undefined)
    entry.insights = [{ type: "reasoning", content: reasoning }];
  return entry;
}
