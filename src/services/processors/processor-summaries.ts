/** Wire summaries of extractors and their versions, also snapshotted onto the runs that used them. */
import type { Extend } from "extend-ai";
import type {
  ProcessorRecord,
  ProcessorVersionRecord,
} from "../../storage/repositories/processor-repository.ts";

export function extractorSummaryOf(processor: ProcessorRecord): Extend.ExtractorSummary {
  return {
    object: "extractor",
    id: processor.id,
    name: processor.name,
    createdAt: processor.createdAt.toISOString(),
    updatedAt: processor.updatedAt.toISOString(),
  };
}

export function extractorVersionSummaryOf(version: ProcessorVersionRecord): Extend.ExtractorVersionSummary {
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
