/**
 * Numbers as documents print them: "1,234.56", "1.234,56", "45,93", "1 939" (narrow spaces), "(12.00)",
 * "-9,32", "15.00%". A single separator followed by exactly three digits is ambiguous ("54,910"); the
 * document's own habit decides it (see conventions.ts), never a fixed locale.
 */

export type DecimalSeparator = "." | ",";

export interface NumberMatch {
  readonly value: number;
  /** Character range [start, end) in the scanned text, sign and parentheses included. */
  readonly start: number;
  readonly end: number;
  /** Printed with a decimal part ("4.11", "45,93"): money usually is, counts and ids usually not. */
  readonly hasDecimals: boolean;
  /** Followed by "%". */
  readonly percent: boolean;
  /** Digits only, no separators or sign: could be an id, a year, a postcode as much as a quantity. */
  readonly bare: boolean;
  readonly digits: number;
}

// A digit run with optional grouping/decimal separators (apostrophe and narrow/no-break spaces group).
const NUMBER = /(\()?([-\u2212+]\s?)?(\d[\d.,'\u2019\u00a0\u202f]*\d|\d)(\s?%)?(\))?/gu;

/** Every number in `text`, left to right; digits glued to letters ("A4", "x2b") are not numbers. */
export function findNumbers(text: string, decimal: DecimalSeparator): NumberMatch[] {
  const matches: NumberMatch[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = text[start - 1] ?? "";
    const digitsText = match[3]!;
    const digitsEnd = start + match[0].indexOf(digitsText) + digitsText.length;
    const after = text[digitsEnd] ?? "";
    if (/[\p{L}_]/u.test(before) || /[\p{L}_]/u.test(after)) continue;
    const value = interpretDigits(digitsText, decimal);
    if (value === undefined) continue;
    const negative = match[2] !== undefined && /[-\u2212]/u.test(match[2]) && !/\d/u.test(before);
    const parenthesized = match[1] !== undefined && match[5] !== undefined;
    const signed = negative || parenthesized ? -value.value : value.value;
    matches.push({
      value: signed,
      start,
      end: parenthesized || match[5] === undefined ? end : end - 1,
      hasDecimals: value.hasDecimals,
      percent: match[4] !== undefined,
      bare: /^\d+$/u.test(digitsText),
      digits: digitsText.replace(/\D/gu, "").length,
    });
  }
  return matches;
}

/** One number that is the whole text (after trimming currency marks is the caller's job). */
export function parseNumber(text: string, decimal: DecimalSeparator): number | undefined {
  const trimmed = text.trim();
  const [match] = findNumbers(trimmed, decimal);
  if (match === undefined || match.start > 1 || match.end < trimmed.replace(/\s*%$/u, "").length - 1)
    return undefined;
  return match.value;
}

function interpretDigits(
  raw: string,
  decimal: DecimalSeparator,
): { value: number; hasDecimals: boolean } | undefined {
  // Trailing separators belong to the sentence ("costs 5,"), not the number.
  const text = raw.replace(/[.,'\u2019\u00a0\u202f]+$/u, "");
  const separators = [...text.matchAll(/[.,'\u2019\u00a0\u202f]/gu)];
  if (separators.length === 0) return { value: Number(text), hasDecimals: false };
  const last = separators.at(-1)!;
  const lastChar = last[0];
  const afterLast = text.length - last.index - 1;
  const kinds = new Set(separators.map((separator) => separator[0]));
  let decimalIndex: number | undefined;
  if ((lastChar === "." || lastChar === ",") && kinds.size > 1) decimalIndex = last.index;
  else if (lastChar === "." || lastChar === ",") {
    const count = separators.length;
    if (count > 1) decimalIndex = undefined;
    else if (afterLast !== 3) decimalIndex = last.index;
    else decimalIndex = lastChar === decimal ? last.index : undefined;
  }
  const integerPart = decimalIndex === undefined ? text : text.slice(0, decimalIndex);
  const fraction = decimalIndex === undefined ? "" : text.slice(decimalIndex + 1);
  // Grouping must be regular: 1-3 leading digits, then groups of exactly three.
  const groups = integerPart.split(/[.,'\u2019\u00a0\u202f]/u);
  if (groups.length > 1 && (groups[0]!.length > 3 || groups.slice(1).some((group) => group.length !== 3)))
    return undefined;
  if (decimalIndex !== undefined && /[.,'\u2019\u00a0\u202f]/u.test(fraction)) return undefined;
  const value = Number(`${groups.join("")}${fraction === "" ? "" : `.${fraction}`}`);
  if (!Number.isFinite(value)) return undefined;
  return { value, hasDecimals: fraction !== "" };
}
