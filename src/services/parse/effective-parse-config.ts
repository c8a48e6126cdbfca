/**
 * The effective parse configuration: the request's config with every default applied, as echoed on
 * the run (spec: "config: ParseConfig (effective config incl. applied defaults)"). The parse cache is
 * keyed by it, so two requests that mean the same thing share one cached output.
 */
import type { Extend } from "extend-ai";

export const PARSE_ENGINE_VERSION = "0.1.0";

export type EffectiveParseConfig = Extend.ParseConfig & {
  target: "markdown" | "spatial";
  chunkingStrategy: {
    type: "page" | "document" | "section";
    options?: { minCharacters?: number; maxCharacters?: number };
  };
  engine: "parse_performance" | "parse_light";
  engineVersion: string;
};

export function effectiveParseConfig(input: Extend.ParseConfig | undefined): EffectiveParseConfig {
  const config = input ?? {};
  const chunking = config.chunkingStrategy ?? {};
  const tables = config.blockOptions?.tables ?? {};
  const figures = config.blockOptions?.figures ?? {};
  const barcodes = config.blockOptions?.barcodes ?? {};
  const formulas = config.blockOptions?.formulas ?? {};
  return {
    ...config,
    target: (config.target as "markdown" | "spatial" | undefined) ?? "markdown",
    chunkingStrategy: {
      ...chunking,
      type: (chunking.type as "page" | "document" | "section" | undefined) ?? "page",
    },
    engine: (config.engine as "parse_performance" | "parse_light" | undefined) ?? "parse_performance",
    // Upstream parity: "latest" is accepted and resolved to the concrete version that ran.
    engineVersion:
      config.engineVersion === undefined || config.engineVersion === "latest"
        ? PARSE_ENGINE_VERSION
        : config.engineVersion,
    blockOptions: {
      ...config.blockOptions,
      figures: {
        ...figures,
        enabled: figures.enabled ?? true,
        figureImageClippingEnabled: figures.figureImageClippingEnabled ?? true,
      },
      tables: { ...tables, targetFormat: tables.targetFormat ?? "markdown" },
      // Not documented upstream; the engine reads barcodes unless told not to and clips them only on request.
      barcodes: {
        ...barcodes,
        readingEnabled: barcodes.readingEnabled ?? true,
        imageClippingEnabled: barcodes.imageClippingEnabled ?? false,
      },
      // The contract gives no default; display formulas become formula blocks with LaTeX unless disabled.
      formulas: { ...formulas, enabled: formulas.enabled ?? true },
    },
    advancedOptions: {
      ...config.advancedOptions,
      // Not documented upstream; on, as for a hosted parser: phone photos and scans arrive turned, and an
      // upright page costs no extra OCR pass (ocr/orient-page.ts). parse_light ignores it.
      pageRotationEnabled: config.advancedOptions?.pageRotationEnabled ?? true,
    },
  };
}
