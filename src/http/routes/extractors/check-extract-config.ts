/** Applies the extraction-schema rules to a config's schema (400 with the offending path). */
import type { Extend } from "extend-ai";
import { normalizeExtractConfig } from "../../../services/extract/normalize-extract-config.ts";

export function checkExtractConfig(config: Extend.ExtractConfigJson, path: string): Extend.ExtractConfigJson {
  return normalizeExtractConfig(config, path);
}
