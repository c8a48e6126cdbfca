/**
 * Checks a parse's options for combinations the contract rejects (section chunking with the spatial
 * target, minCharacters above maxCharacters, out-of-range values): the parse then fails with
 * INVALID_CONFIG_OPTIONS before the document is opened.
 */
import type { ParseOptions } from "./parse-outcome.ts";

/** Why the options are invalid, for people; undefined when they are fine. */
export function invalidOptionsMessage(options: ParseOptions): string | undefined {
  const config = options.config;
  if (config?.target === "spatial" && options.chunking === "section") {
    return 'Section chunking is not supported with target "spatial"; use page chunking';
  }
  const limits = config?.chunkingStrategy?.options;
  const min = limits?.minCharacters;
  const max = limits?.maxCharacters;
  if (min !== undefined && (!Number.isInteger(min) || min < 0)) {
    return `chunkingStrategy.options.minCharacters must be a non-negative integer (got ${min})`;
  }
  if (max !== undefined && (!Number.isInteger(max) || max < 0)) {
    return `chunkingStrategy.options.maxCharacters must be a non-negative integer (got ${max})`;
  }
  // 0 means "the server default" (no bound), as the Extend CLI documents.
  if (min !== undefined && max !== undefined && max > 0 && min > max) {
    return `chunkingStrategy.options.minCharacters (${min}) must not be greater than maxCharacters (${max})`;
  }
  const threshold = config?.advancedOptions?.verticalGroupingThreshold;
  if (threshold !== undefined && !(threshold >= 0.1 && threshold <= 5)) {
    return `advancedOptions.verticalGroupingThreshold must be between 0.1 and 5.0 (got ${threshold})`;
  }
  for (const range of config?.advancedOptions?.pageRanges ?? []) {
    const { start, end } = range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start) {
      return `advancedOptions.pageRanges entries need integer 1 ≤ start ≤ end (got ${start}–${end})`;
    }
  }
  return undefined;
}
