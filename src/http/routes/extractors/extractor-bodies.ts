/** Request bodies of the extractors and extractor versions endpoints (spec §2.6). */
import { z } from "zod";
import { ExtractConfigSchema } from "../../schemas/extract-config-schema.ts";
import { fileInputSchema } from "../../schemas/file-input-schema.ts";

export const CreateExtractorBodySchema = z
  .object({
    name: z.string().min(1).max(255),
    cloneExtractorId: z.string().min(1).optional(),
    config: ExtractConfigSchema.optional(),
    generate: z
      .object({
        files: z
          .array(fileInputSchema({ text: false }))
          .min(1)
          .max(5),
        instructions: z.string().optional(),
      })
      .optional(),
  })
  .refine(
    (body) =>
      [body.cloneExtractorId, body.config, body.generate].filter((value) => value !== undefined).length <= 1,
    { message: "config, cloneExtractorId and generate are mutually exclusive" },
  );

export const UpdateExtractorBodySchema = z.object({
  name: z.string().min(1).max(255).optional(),
  config: ExtractConfigSchema.optional(),
});

export const PublishVersionBodySchema = z.object({
  releaseType: z.enum(["major", "minor"]),
  description: z.string().max(10_000).optional(),
  config: ExtractConfigSchema.optional(),
});
