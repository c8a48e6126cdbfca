/**
 * Notional credits (behaviour.md §1.8): self-hosted users still want cost attribution, so runs report
 * what Extend would bill. Per page: parse 2 (performance) or 0.3 (light).
 */
export type ParseEngine = "parse_performance" | "parse_light";

const PARSE_CREDITS_PER_PAGE: Record<ParseEngine, number> = { parse_performance: 2, parse_light: 0.3 };

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
