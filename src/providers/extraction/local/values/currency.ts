/**
 * Currency marks: symbols ($, €, £, ₹, zł, Rs), ISO 4217 codes and currency words, mapped to the ISO
 * code Extend's currency type carries. "$" alone is read as USD (the most common reading; a document
 * that prints CAD or AUD next to it says so and the code wins).
 */
import { fold } from "../text/fold.ts";

// Only codes that are not also common words, so "ALL" or "TOP" in text never reads as a currency.
export const ISO_CODES: ReadonlySet<string> = new Set([
  "USD",
  "EUR",
  "GBP",
  "JPY",
  "CNY",
  "RMB",
  "INR",
  "PLN",
  "CHF",
  "CAD",
  "AUD",
  "NZD",
  "SEK",
  "NOK",
  "DKK",
  "CZK",
  "HUF",
  "RON",
  "BGN",
  "HRK",
  "RUB",
  "UAH",
  "TRY",
  "BRL",
  "MXN",
  "ARS",
  "CLP",
  "COP",
  "PEN",
  "ZAR",
  "SGD",
  "HKD",
  "KRW",
  "IDR",
  "MYR",
  "THB",
  "PHP",
  "VND",
  "AED",
  "SAR",
  "QAR",
  "ILS",
  "EGP",
  "NGN",
  "KES",
  "MAD",
  "TND",
  "PKR",
  "BDT",
  "LKR",
  "TWD",
  "ISK",
]);

const SYMBOLS: readonly (readonly [string, string])[] = [
  ["us$", "USD"],
  ["ca$", "CAD"],
  ["c$", "CAD"],
  ["a$", "AUD"],
  ["au$", "AUD"],
  ["nz$", "NZD"],
  ["hk$", "HKD"],
  ["s$", "SGD"],
  ["r$", "BRL"],
  ["$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["¥", "JPY"],
  ["₹", "INR"],
  ["₽", "RUB"],
  ["₺", "TRY"],
  ["₩", "KRW"],
  ["₪", "ILS"],
  ["₱", "PHP"],
  ["₫", "VND"],
  ["zł", "PLN"],
];

const WORDS = new Map<string, string>([
  ["rs", "INR"],
  ["rs.", "INR"],
  ["inr", "INR"],
  ["rupees", "INR"],
  ["euro", "EUR"],
  ["euros", "EUR"],
  ["dollar", "USD"],
  ["dollars", "USD"],
  ["zl", "PLN"],
  ["zloty", "PLN"],
  ["pounds", "GBP"],
  ["sterling", "GBP"],
  ["yen", "JPY"],
  ["fr.", "CHF"],
]);

export interface CurrencyMark {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  /** An explicit ISO code or unambiguous symbol, as opposed to a word like "dollars". */
  readonly explicit: boolean;
}

/** Every currency mark in `text`, left to right. */
export function findCurrencies(text: string): CurrencyMark[] {
  const marks: CurrencyMark[] = [];
  const taken = (start: number, end: number) => marks.some((mark) => start < mark.end && mark.start < end);
  const lower = text.toLowerCase();
  for (const [symbol, code] of SYMBOLS) {
    let from = 0;
    for (;;) {
      const index = lower.indexOf(symbol, from);
      if (index < 0) break;
      from = index + symbol.length;
      // "us$" must not be read inside a word ("bus$"); single-character symbols stand alone.
      if (symbol.length > 1 && /\p{L}/u.test(lower[index - 1] ?? "")) continue;
      if (!taken(index, index + symbol.length))
        marks.push({ code, start: index, end: index + symbol.length, explicit: true });
    }
  }
  for (const match of text.matchAll(/(?<![\p{L}])[\p{L}]{2,8}\.?(?![\p{L}])/gu)) {
    const word = match[0];
    const upper = word.replace(/\.$/u, "");
    const start = match.index;
    if (ISO_CODES.has(upper) && upper === upper.toUpperCase()) {
      if (!taken(start, start + upper.length))
        marks.push({ code: upper, start, end: start + upper.length, explicit: true });
      continue;
    }
    const code = WORDS.get(fold(word)) ?? WORDS.get(fold(upper));
    if (code !== undefined && !taken(start, start + word.length))
      marks.push({ code, start, end: start + word.length, explicit: false });
  }
  return marks.sort((a, b) => a.start - b.start);
}

/** The ISO code a symbol stands for ("€" → EUR), for `currency_symbol`-style fields read backwards. */
export function currencyOfSymbol(symbol: string): string | undefined {
  return SYMBOLS.find(([candidate]) => candidate === symbol.toLowerCase())?.[1];
}

export const CURRENCY_SYMBOL_PATTERN = /(?:us|ca|au|nz|hk|[acsr])?\$|[€£¥₹₽₺₩₪₱₫]|zł/iu;
