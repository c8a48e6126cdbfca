/**
 * Notional credits (behaviour.md §1.8): self-hosted users still want cost attribution, so runs report
 * what Extend would bill. Per page: parse 2 (performance) or 0.3 (light).
 */
export type ParseEngine = "parse_performance" | "parse_light";
export type ExtractionProcessor = "extraction_performance" | "extraction_light";

const PARSE_CREDITS_PER_PAGE: Record<ParseEngine, number> = { parse_performance: 2, parse_light: 0.3 };
const EXTRACT_CREDITS_PER_PAGE: Record<ExtractionProcessor, number> = {
  extraction_performance: 3,
  extraction_light: 0.7,
};

export interface UsageCharge {
  readonly product: string;
  readonly unit: "page";
  readonly quantity: number;
  readonly credits: number;
}

export function parseCharge(engine: ParseEngine, pageCount: number): UsageCharge {
  // Round to a hundredth: 0.3 × 3 must read 0.9, not 0.8999999999999999.
  const credits = Math.round(PARSE_CREDITS_PER_PAGE[engine] * pageCount * 100) / 100;
  return { product: engine, unit: "page", quantity: pageCount, credits };
}

export function extractCharge(processor: ExtractionProcessor, pageCount: number): UsageCharge {
  const credits = Math.round(EXTRACT_CREDITS_PER_PAGE[processor] * pageCount * 100) / 100;
  return { product: processor, unit: "page", quantity: pageCount, credits };
}
