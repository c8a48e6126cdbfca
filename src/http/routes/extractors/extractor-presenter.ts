/** Processor records → Extend's Extractor, ExtractorSummary, ExtractorVersion(Summary) (spec §3.9). */
import type { Extend } from "extend-ai";
import type { ProcessorWithDraft } from "../../../services/processors/manage-processors.ts";
import {
  extractorSummaryOf,
  extractorVersionSummaryOf,
} from "../../../services/processors/processor-summaries.ts";
import type { ProcessorVersionRecord } from "../../../storage/repositories/processor-repository.ts";

export const toExtractorSummary = extractorSummaryOf;
export const toExtractorVersionSummary = extractorVersionSummaryOf;

export function toExtractor({ processor, draft }: ProcessorWithDraft): Extend.Extractor {
  return { ...extractorSummaryOf(processor), draftVersion: toExtractorVersion(draft) };
}

export function toExtractorVersion(version: ProcessorVersionRecord): Extend.ExtractorVersion {
  return { ...extractorVersionSummaryOf(version), config: version.config as Extend.ExtractConfig };
}
