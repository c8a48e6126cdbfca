/** Request bodies of the extraction endpoints (spec §2.1, §2.5). */
import { z } from "zod";
import { ExtractConfigSchema } from "../../schemas/extract-config-schema.ts";
import { fileInputSchema } from "../../schemas/file-input-schema.ts";
import { MetadataSchema, PrioritySchema } from "../../schemas/run-request-schemas.ts";

const ExtractorReferenceSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1).optional(),
  overrideConfig: ExtractConfigSchema.optional(),
});

const PackageSchema = z.object({
  files: z
    .array(fileInputSchema({ text: false }))
    .min(1)
    .max(50),
});

export const CreateExtractRunBodySchema = z.object({
  extractor: ExtractorReferenceSchema.optional(),
  config: ExtractConfigSchema.optional(),
  file: fileInputSchema({ text: true }).optional(),
  package: PackageSchema.optional(),
  metadata: MetadataSchema.optional(),
  priority: PrioritySchema.optional(),
});

export const CreateExtractBatchBodySchema = z.object({
  // Upstream parity: batches require an extractor; "inline config is not supported for batch requests".
  extractor: ExtractorReferenceSchema,
  inputs: z
    .array(z.object({ file: fileInputSchema({ text: true }), metadata: MetadataSchema.optional() }))
    .min(1, { message: "inputs must contain between 1 and 1000 items" })
    .max(1000, { message: "inputs must contain between 1 and 1000 items" }),
  priority: PrioritySchema.optional(),
});

export const ListExtractRunsQuerySchema = z.object({
  status: z.enum(["PENDING", "PROCESSING", "PROCESSED", "FAILED", "CANCELLED"]).optional(),
  extractorId: z.string().min(1).optional(),
  batchId: z.string().min(1).optional(),
  sourceId: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  fileNameContains: z.string().max(255).optional(),
});
