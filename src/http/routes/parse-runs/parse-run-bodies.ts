/** Request bodies of the parse endpoints (spec §2.1, §2.3). */
import { z } from "zod";
import { fileInputSchema } from "../../schemas/file-input-schema.ts";
import { ParseConfigSchema } from "../../schemas/parse-config-schema.ts";
import { DataRetentionSchema, MetadataSchema, PrioritySchema } from "../../schemas/run-request-schemas.ts";

export const CreateParseRunBodySchema = z.object({
  file: fileInputSchema({ text: false }),
  config: ParseConfigSchema.optional(),
  metadata: MetadataSchema.optional(),
  dataRetention: DataRetentionSchema.optional(),
  priority: PrioritySchema.optional(),
});

export const CreateParseBatchBodySchema = z.object({
  inputs: z
    .array(z.object({ file: fileInputSchema({ text: true }), metadata: MetadataSchema.optional() }))
    .min(1, { message: "inputs must contain between 1 and 1000 items" })
    .max(1000, { message: "inputs must contain between 1 and 1000 items" }),
  config: ParseConfigSchema.optional(),
  priority: PrioritySchema.optional(),
});

export const ResponseTypeQuerySchema = z.object({ responseType: z.enum(["json", "url"]).optional() });
