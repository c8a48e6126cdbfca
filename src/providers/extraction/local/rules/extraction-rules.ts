/**
 * The part of `extractionRules` (free-text guidance) a deterministic extractor can honour, recognised by
 * keywords. Supported:
 *   - totals: "grand total" / "largest" / "highest" total → the largest of the plausible totals;
 *     "last total" / "final total" → the last one in reading order;
 *   - occurrence: "first occurrence" / "last occurrence" → which of equally good places wins;
 *   - dates: "day first", "dd/mm", "European dates" / "month first", "mm/dd", "US dates" → how to read
 *     03/04/2021 (ISO output is always used, so "ISO 8601" needs nothing);
 *   - numbers: "decimal comma" / "comma as decimal" → how to read 1,234;
 *   - currency: "default currency EUR", "assume USD", "currency is GBP" → when the page prints none;
 *   - text: "uppercase" / "lowercase" → applied to every string value.
 * Anything else is ignored (and listed in docs as unsupported).
 */
import { ISO_CODES } from "../values/currency.ts";
import type { DateOrder } from "../values/dates.ts";
import type { DecimalSeparator } from "../values/numbers.ts";

export interface ExtractionRules {
  readonly totals: "best" | "largest" | "last";
  readonly occurrence: "best" | "first" | "last";
  readonly dateOrder: DateOrder | undefined;
  readonly decimal: DecimalSeparator | undefined;
  readonly defaultCurrency: string | undefined;
  readonly textCase: "upper" | "lower" | undefined;
}

export const NO_RULES: ExtractionRules = {
  totals: "best",
  occurrence: "best",
  dateOrder: undefined,
  decimal: undefined,
  defaultCurrency: undefined,
  textCase: undefined,
};

export function parseExtractionRules(text: string | undefined): ExtractionRules {
  if (text === undefined || text.trim() === "") return NO_RULES;
  const rules = text.toLowerCase();
  const has = (pattern: RegExp) => pattern.test(rules);
  // The first named code that is a currency ("dates in ISO 8601" names none).
  const code = [
    ...rules.matchAll(/(?:default currency|assume|currency is|currency should be|\bin)\s+([a-z]{3})\b/gu),
  ]
    .map((match) => match[1]!.toUpperCase())
    .find((candidate) => ISO_CODES.has(candidate));
  return {
    totals: has(
      /grand total|largest total|highest total|biggest total|total.{0,30}(largest|highest|biggest)/u,
    )
      ? "largest"
      : has(/(last|final) total|total.{0,20}\b(last|final)\b/u)
        ? "last"
        : "best",
    occurrence: has(/last occurrence|latest occurrence|use the last/u)
      ? "last"
      : has(/first occurrence|use the first/u)
        ? "first"
        : "best",
    dateOrder: has(/day first|dd\/mm|dd-mm|dd\.mm|european date/u)
      ? "dmy"
      : has(/month first|mm\/dd|mm-dd|us date|american date/u)
        ? "mdy"
        : undefined,
    decimal: has(/decimal comma|comma as (the )?decimal|comma decimal/u)
      ? ","
      : has(/decimal point|dot as (the )?decimal/u)
        ? "."
        : undefined,
    defaultCurrency: code,
    textCase: has(/\bupper ?case\b|\ball caps\b/u) ? "upper" : has(/\blower ?case\b/u) ? "lower" : undefined,
  };
}
