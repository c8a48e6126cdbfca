/**
 * ExtractConfigJson (spec §3.5): field types checked here; the JSON schema's own rules (nullable
 * primitives, depth, enums with null, …) are checked by the domain's extraction-schema validator.
 */
import type { Extend } from "extend-ai";
import { z } from "zod";
import { ParseConfigSchema } from "./parse-config-schema.ts";

const pageRange = z.object({ start: z.number().int().min(1), end: z.number().int().min(1) });

const ExtractConfigObjectSchema = z.object({
  baseProcessor: z.enum(["extraction_performance", "extraction_light"]).optional(),
  baseVersion: z.string().min(1).max(32).optional(),
  extractionRules: z.string().max(100_000).optional(),
  schema: z.record(z.string(), z.unknown()).optional(),
  advancedOptions: z
    .object({
      modelReasoningInsightsEnabled: z.boolean().optional(),
      advancedMultimodalEnabled: z.boolean().optional(),
      citationsEnabled: z.boolean().optional(),
      citationMode: z.enum(["line", "word", "block"]).optional(),
      arrayCitationStrategy: z.enum(["item", "property"]).optional(),
      arrayStrategy: z
        .object({
          type: z.enum(["large_array_heuristics", "large_array_max_context", "large_array_overlap_context"]),
        })
        .nullable()
        .optional(),
      chunkingOptions: z.record(z.string(), z.unknown()).optional(),
      excelSheetRanges: z
        .array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }))
        .optional(),
      excelSheetSelectionStrategy: z.enum(["intelligent", "all", "first", "last"]).optional(),
      pageRanges: z.array(pageRange).optional(),
      reviewAgent: z.object({ enabled: z.boolean().optional() }).optional(),
      currentDateEnabled: z.boolean().optional(),
    })
    .optional(),
  parseConfig: ParseConfigSchema.optional(),
});

/** Typed as the SDK's config: JSON bodies never carry keys whose value is undefined. */
export const ExtractConfigSchema = ExtractConfigObjectSchema.transform(
  (value) => value as Extend.ExtractConfigJson,
);
