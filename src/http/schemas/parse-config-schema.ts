/**
 * ParseConfig as a strict-typed, lenient-keyed zod schema (spec §3.4): every documented field is
 * type-checked (wrong type → 400 naming the path), unknown keys are dropped, as hosted Extend does.
 */
import type { Extend } from "extend-ai";
import { z } from "zod";

const agentic = z.object({ enabled: z.boolean().optional(), customInstructions: z.string().optional() });

const pageRange = z
  .object({ start: z.number().int().min(1), end: z.number().int().min(1) })
  .refine((range) => range.end >= range.start, { message: "end must be greater than or equal to start" });

const ParseConfigObjectSchema = z.object({
  target: z.enum(["markdown", "spatial"]).optional(),
  chunkingStrategy: z
    .object({
      type: z.enum(["page", "document", "section"]).optional(),
      options: z
        .object({
          minCharacters: z.number().int().min(0).optional(),
          maxCharacters: z.number().int().min(1).optional(),
        })
        .optional(),
    })
    .optional(),
  engine: z.enum(["parse_performance", "parse_light"]).optional(),
  engineVersion: z.string().min(1).max(32).optional(),
  blockOptions: z
    .object({
      figures: z
        .object({
          enabled: z.boolean().optional(),
          figureImageClippingEnabled: z.boolean().optional(),
          advancedChartExtractionEnabled: z.boolean().optional(),
          customInstructions: z.string().optional(),
        })
        .optional(),
      tables: z
        .object({
          enabled: z.boolean().optional(),
          targetFormat: z.enum(["markdown", "html"]).optional(),
          tableHeaderContinuationEnabled: z.boolean().optional(),
          cellBlocksEnabled: z.boolean().optional(),
          agentic: agentic.optional(),
        })
        .optional(),
      text: z
        .object({ signatureDetectionEnabled: z.boolean().optional(), agentic: agentic.optional() })
        .optional(),
      keyValue: z.object({ blankFieldFormattingEnabled: z.boolean().optional() }).optional(),
      barcodes: z
        .object({ imageClippingEnabled: z.boolean().optional(), readingEnabled: z.boolean().optional() })
        .optional(),
      formulas: z.object({ enabled: z.boolean().optional() }).optional(),
    })
    .optional(),
  advancedOptions: z
    .object({
      pageRotationEnabled: z.boolean().optional(),
      pageRanges: z.array(pageRange).max(1000).optional(),
      excelParsingMode: z.enum(["basic", "advanced"]).optional(),
      excelSkipHiddenContent: z.boolean().optional(),
      excelUseRawCellValues: z.boolean().optional(),
      excelSkipCalculation: z.boolean().optional(),
      excelIncludeCellMetadata: z.boolean().optional(),
      excelIncludeCellFormatting: z.boolean().optional(),
      verticalGroupingThreshold: z.number().min(0.1).max(5).optional(),
      returnOcr: z.object({ words: z.boolean().optional() }).optional(),
      alwaysConvertToPdf: z.boolean().optional(),
      enrichmentFormat: z.enum(["xml", "bracket"]).optional(),
      imageConversionQuality: z.enum(["high", "medium", "low"]).optional(),
      formattingDetection: z.array(z.object({ type: z.enum(["change_tracking"]) })).optional(),
    })
    .optional(),
});

/**
 * Typed as the SDK's ParseConfig: zod types an optional key as `T | undefined`, but the body came from
 * JSON, where a key is either absent or has a value, so the cast only drops an impossible case.
 */
export const ParseConfigSchema = ParseConfigObjectSchema.transform((value) => value as Extend.ParseConfig);
