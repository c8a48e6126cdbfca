/** Processor records → Extend's Extractor, ExtractorSummary, ExtractorVersion(Summary) (spec §3.9). */
import type { Extend } from "extend-ai";
import type { ProcessorWithDraft } from "../../../services/processors/manage-processors.ts";
import type {
  ProcessorRecord,
  ProcessorVersionRecord,
} from "../../../storage/repositories/processor-repository.ts";

export function toExtractorSummary(processor: ProcessorRecord): Extend.ExtractorSummary {
  return {
    object: "extractor",
    id: processor.id,
    name: processor.name,
    createdAt: processor.createdAt.toISOString(),
    updatedAt: processor.updatedAt.toISOString(),
  };
}

export function toExtractor({ processor, draft }: ProcessorWithDraft): Extend.Extractor {
  return { ...toExtractorSummary(processor), draftVersion: toExtractorVersion(draft) };
}

export function toExtractorVersionSummary(version: ProcessorVersionRecord): Extend.ExtractorVersionSummary {
  return {
    object: "extractor_version",
    id: version.id,
    description: version.description,
    version: version.version,
    extractorId: version.processorId,
    createdAt: version.createdAt.toISOString(),
    createdBy: version.createdBy as Extend.CreatedBy | null,
  };
}

export function toExtractorVersion(version: ProcessorVersionRecord): Extend.ExtractorVersion {
  return { ...toExtractorVersionSummary(version), config: version.config as Extend.ExtractConfig };
}
