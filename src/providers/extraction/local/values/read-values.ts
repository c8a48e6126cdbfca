/**
 * Typed readers: each finds a value of one kind inside a piece of text and says which characters it
 * used and how convincing the reading is (0–1). Readers never invent: text that holds no value of the
 * kind reads as undefined, and the field stays null unless a better place is found.
 */
import type { EnumNode, ExtractionValue } from "../../../../domain/extraction-schema/index.ts";
import { fold, foldWords } from "../text/fold.ts";
import { wordSetSimilarity } from "../text/similarity.ts";
import type { DocumentConventions } from "./conventions.ts";
import { CURRENCY_SYMBOL_PATTERN, findCurrencies } from "./currency.ts";
import { findDates } from "./dates.ts";
import { findNumbers, type NumberMatch } from "./numbers.ts";
import { findPattern, type SemanticKind } from "./semantic-kinds.ts";

export interface Reading {
  readonly value: ExtractionValue;
  /** Characters [start, end) of the text the value was read from. */
  readonly start: number;
  readonly end: number;
  readonly quality: number;
}

export function readDate(text: string, conventions: DocumentConventions): Reading | undefined {
  const [date] = findDates(text, conventions.dateOrder);
  if (date === undefined) return undefined;
  return { value: date.iso, start: date.start, end: date.end, quality: date.ambiguous ? 0.9 : 1 };
}

export interface NumberOptions {
  readonly integer: boolean;
  /** The field is a rate or percentage: "21%" is its value, not noise. */
  readonly percent: boolean;
}

/** The most money-like (or count-like, for integers) number of the text; numbers inside dates never. */
export function readNumber(
  text: string,
  conventions: DocumentConventions,
  options: NumberOptions,
): Reading | undefined {
  const dates = findDates(text, conventions.dateOrder);
  const currencies = findCurrencies(text);
  let best: { match: NumberMatch; quality: number } | undefined;
  for (const match of findNumbers(text, conventions.decimal)) {
    if (dates.some((date) => match.start < date.end && date.start < match.end)) continue;
    const nearCurrency = currencies.some(
      (mark) => Math.abs(mark.end - match.start) <= 1 || Math.abs(match.end - mark.start) <= 1,
    );
    let quality: number;
    if (options.percent) quality = match.percent ? 1 : match.bare ? 0.7 : 0.8;
    else if (options.integer) quality = match.percent ? 0.3 : match.bare ? 1 : match.hasDecimals ? 0.7 : 0.9;
    else if (match.percent) quality = 0.3;
    else quality = nearCurrency || match.hasDecimals ? 1 : match.digits > 6 ? 0.4 : 0.75;
    // Long digit runs are account numbers and ids far more often than amounts.
    if (!options.integer && match.bare && match.digits >= 9) quality = Math.min(quality, 0.3);
    if (best === undefined || quality > best.quality) best = { match, quality };
  }
  if (best === undefined) return undefined;
  const value = options.integer ? Math.round(best.match.value) : best.match.value;
  if (options.integer && !Number.isInteger(best.match.value)) best = { ...best, quality: best.quality * 0.6 };
  return { value, start: best.match.start, end: best.match.end, quality: best.quality };
}

/** Money: amount plus the ISO code printed next to it, else the document's currency. */
export function readMoney(
  text: string,
  conventions: DocumentConventions,
): { amount: Reading; code: string | null; codeRange: [number, number] | undefined } | undefined {
  const amount = readNumber(text, conventions, { integer: false, percent: false });
  if (amount === undefined) return undefined;
  let code: string | null = conventions.currency ?? null;
  let codeRange: [number, number] | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const mark of findCurrencies(text)) {
    const gap = mark.end <= amount.start ? amount.start - mark.end : mark.start - amount.end;
    if (gap >= 0 && gap < distance && gap <= 3) {
      distance = gap;
      code = mark.code;
      codeRange = [mark.start, mark.end];
    }
  }
  return { amount, code, codeRange };
}

const TRUE_WORDS = new Set(["yes", "y", "true", "oui", "ja", "si", "tak", "da", "x", "checked", "on"]);
const FALSE_WORDS = new Set(["no", "n", "false", "non", "nee", "nein", "nie", "unchecked", "off"]);
const CHECKED = /\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[☑☒✓✔✗✘⊠▣■]/u;
const UNCHECKED = /\[\s*\]|\(\s*\)|[☐□○◯]/u;

export function readBoolean(text: string): Reading | undefined {
  const checked = CHECKED.exec(text);
  const unchecked = UNCHECKED.exec(text);
  if (checked !== null && (unchecked === null || checked.index <= unchecked.index))
    return { value: true, start: checked.index, end: checked.index + checked[0].length, quality: 1 };
  if (unchecked !== null)
    return { value: false, start: unchecked.index, end: unchecked.index + unchecked[0].length, quality: 0.9 };
  const word = /[\p{L}]+/u.exec(text);
  if (word === null) return undefined;
  const folded = fold(word[0]);
  if (TRUE_WORDS.has(folded) && folded !== "x")
    return { value: true, start: word.index, end: word.index + word[0].length, quality: 0.95 };
  if (FALSE_WORDS.has(folded))
    return { value: false, start: word.index, end: word.index + word[0].length, quality: 0.95 };
  return undefined;
}

/** Separators a value never starts or ends with: label colons, dashes, hashes, bullets. */
const LEADING_NOISE = /^[\s:;#.,=*•·|–—-]+/u;
const TRAILING_NOISE = /[\s:;,=*•·|–—-]+$/u;

export function readString(text: string, kind: SemanticKind): Reading | undefined {
  if (kind === "currency_code") {
    const mark = findCurrencies(text)[0];
    return mark === undefined
      ? undefined
      : { value: mark.code, start: mark.start, end: mark.end, quality: 1 };
  }
  if (kind === "currency_symbol") {
    const symbol = CURRENCY_SYMBOL_PATTERN.exec(text);
    return symbol === null
      ? undefined
      : { value: symbol[0], start: symbol.index, end: symbol.index + symbol[0].length, quality: 1 };
  }
  const pattern = findPattern(text, kind);
  const lead = LEADING_NOISE.exec(text)?.[0].length ?? 0;
  const body = text.slice(lead).replace(TRAILING_NOISE, "");
  // A way to pay is named in a few words ("Cash at Hotel", "Credit Card"): a short text that names one
  // is the value as printed; in a sentence, only the named method is.
  if (kind === "payment_method") {
    if (pattern === undefined) return undefined;
    if (body.split(/\s+/u).length <= 4 && /^[\p{L}'"‘’“”]/u.test(body))
      return { value: body, start: lead, end: lead + body.length, quality: 1 };
  }
  if (pattern !== undefined)
    return { value: pattern.text, start: pattern.start, end: pattern.end, quality: pattern.quality ?? 1 };
  if (kind === "email" || kind === "website" || kind === "organization" || kind === "siren") return undefined;
  if (!/[\p{L}\p{N}]/u.test(body)) return undefined;
  if (kind === "incoterm") return { value: body, start: lead, end: lead + body.length, quality: 0.6 };
  if (kind === "iban" || kind === "bic" || kind === "phone") {
    // Next to its label, a shorter or oddly printed account/phone number is still the value.
    const reading = readIdentifier(body, lead);
    return { ...reading, quality: reading.quality * 0.7 };
  }
  if (kind === "identifier" || kind === "vat_id") {
    const reading = readIdentifier(body, lead);
    // EU VAT ids open with their country code: an id that does is the likelier reading.
    const national = kind === "vat_id" && !/^[A-Z]{2}\s?[0-9A-Z]/u.test(String(reading.value));
    return national ? { ...reading, quality: reading.quality * 0.8 } : reading;
  }
  // An aside in parentheses is rarely the value itself ("(Not to be used for payment)").
  const aside = /^\(.*\)$/u.test(body);
  return { value: body, start: lead, end: lead + body.length, quality: aside ? 0.3 : 1 };
}

/**
 * An identifier: the first run of code-like words ("INV/2023/03/0008", "DE 232 446 240") within the
 * first few words; one with a digit in it is convincing, a plain word ("Reference") much less so, and
 * words skipped to reach it ("Rotterdam 24330087") make it less direct.
 */
function readIdentifier(body: string, offset: number): Reading {
  const words = [...body.matchAll(/\S+/gu)];
  const codeLike = (index: number): boolean => {
    const text = words[index]?.[0] ?? "";
    return /\d/u.test(text) || (/^[A-Z]{1,3}$/u.test(text) && /\d/u.test(words[index + 1]?.[0] ?? ""));
  };
  const first = words.findIndex((_, index) => index < 4 && codeLike(index));
  if (first < 0) {
    const word = words[0]![0].replace(TRAILING_NOISE, "");
    return { value: word, start: offset, end: offset + word.length, quality: 0.3 };
  }
  let last = first;
  while (last + 1 < words.length && codeLike(last + 1) && !/^[-–—]$/u.test(words[last + 1]![0])) last++;
  const start = words[first]!.index;
  const value = body.slice(start, words[last]!.index + words[last]![0].length).replace(TRAILING_NOISE, "");
  return {
    value,
    start: offset + start,
    end: offset + start + value.length,
    quality: first === 0 ? 1 : 0.75,
  };
}

/** The enum value the text names: exact words first, then close spellings, else nothing. */
export function readEnum(text: string, node: EnumNode): Reading | undefined {
  const folded = foldWords(text);
  if (folded === "") return undefined;
  const textWords = folded.split(" ");
  let best: { value: string; score: number } | undefined;
  node.values.forEach((value, index) => {
    const valueWords = foldWords(value)
      .split(" ")
      .filter((word) => word !== "");
    if (valueWords.length === 0) return;
    const description = node.valueDescriptions[index];
    let score = ` ${folded} `.includes(` ${valueWords.join(" ")} `) ? 1 : 0;
    if (score < 1)
      score = Math.max(
        score,
        0.95 * wordSetSimilarity(valueWords, textWords.slice(0, valueWords.length + 2)),
      );
    if (description !== null && description !== undefined) {
      const descriptionWords = foldWords(description).split(" ");
      if (` ${folded} `.includes(` ${descriptionWords.join(" ")} `)) score = Math.max(score, 0.9);
      // "SEPA transfer" for a value described as "Wire or SEPA transfer".
      const meaningful = textWords.filter((word) => word.length > 2);
      if (meaningful.length > 0 && meaningful.every((word) => descriptionWords.includes(word)))
        score = Math.max(score, 0.85);
    }
    if (best === undefined || score > best.score) best = { value, score };
  });
  if (best === undefined || best.score < 0.7) return undefined;
  return { value: best.value, start: 0, end: text.length, quality: best.score };
}
