/**
 * Checks an extraction config before it is stored: its JSON schema must follow Extend's 2026-02-09
 * rules (400 naming the offending path otherwise). The schema is stored as given — the normalized tree
 * is rebuilt from it whenever an extraction runs — so users read back exactly what they wrote.
 */
import type { Extend } from "extend-ai";
import { validateExtractionSchema } from "../../domain/extraction-schema/index.ts";

export function normalizeExtractConfig(
  config: Extend.ExtractConfigJson,
  path: string,
): Extend.ExtractConfigJson {
  if (config.schema !== undefined) validateExtractionSchema(config.schema, `${path}.schema`);
  return config;
}
