/**
 * Test and eval support only: the invoice2data corpus (PDFs and one text file with maintainer-verified
 * expected JSON) and its scoring — per-field exact match after normalization (numbers as floats, dates
 * ISO, strings trimmed, case-folded, whitespace collapsed), line items aligned to the expected ones by
 * dynamic programming. Expected values that are not printed on the page (invoice2data template
 * constants such as `desc`) are scored apart.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Extend } from "extend-ai";
import { assignColumns } from "../tables/assign-columns.ts";
import { findDateRanges } from "../values/date-ranges.ts";
import { findDates } from "../values/dates.ts";
import { findNumbers } from "../values/numbers.ts";
import { CORPUS_ROOT } from "./parsed-corpus.ts";

export const INVOICE2DATA_DIR = "invoice2data-invoices/compare/";

export interface InvoiceCase {
  readonly name: string;
  /** Path under the corpus root. */
  readonly file: string;
  readonly expected: Record<string, unknown>;
}

export function invoiceCases(): InvoiceCase[] {
  const folder = new URL(INVOICE2DATA_DIR, CORPUS_ROOT);
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((json) => {
      const name = json.slice(0, -".json".length);
      const source = readdirSync(folder).find((file) => file === `${name}.pdf` || file === `${name}.txt`);
      if (source === undefined) return [];
      const parsed = JSON.parse(readFileSync(new URL(json, folder), "utf8")) as Record<string, unknown>[];
      return [{ name, file: `${INVOICE2DATA_DIR}${source}`, expected: parsed[0]! }];
    });
}

export interface FieldResult {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly correct: boolean;
  /** Not printed on the page (template constant): reported apart from the main figure. */
  readonly constant: boolean;
  readonly lineItem: boolean;
}

/** `pageText`: the document's text (any order), to tell printed values from template constants. */
export function scoreInvoice(
  expected: Record<string, unknown>,
  output: Extend.ExtractOutputJson,
  pageText: string,
): FieldResult[] {
  const page = normalizeText(pageText);
  const actual = output.value;
  const results: FieldResult[] = [];
  for (const [key, value] of Object.entries(expected)) {
    const got = actual[key];
    if (Array.isArray(value)) {
      if (value.every((item) => isObject(item))) {
        results.push(
          ...scoreItems(key, value as Record<string, unknown>[], Array.isArray(got) ? got : [], page),
        );
      } else {
        value.forEach((item, index) => {
          const list = Array.isArray(got) ? got : [];
          const correct = list.some((candidate) => equalValues(item, candidate));
          results.push(result(`${key}[${index}]`, item, list, correct, page, false, key));
        });
      }
      continue;
    }
    results.push(result(key, value, got, equalValues(value, got), page, false, key));
  }
  return results;
}

function result(
  path: string,
  expected: unknown,
  actual: unknown,
  correct: boolean,
  page: string,
  lineItem: boolean,
  key: string,
): FieldResult {
  return {
    path,
    expected,
    actual,
    correct,
    constant: key === "desc" && !lineItem ? true : !printed(expected, page),
    lineItem,
  };
}

/**
 * Items matched one-to-one to the expected items so that the most fields agree (Hungarian assignment):
 * the order of items is not a field, and invoice2data's expected order is not always the page's.
 */
function scoreItems(
  key: string,
  expected: readonly Record<string, unknown>[],
  actual: readonly unknown[],
  page: string,
): FieldResult[] {
  const got = actual.map((item) => (isObject(item) ? item : {}));
  const scores = expected.map((item) =>
    got.map(
      (candidate) =>
        Object.entries(item).filter(([field, value]) => equalValues(value, candidate[field])).length,
    ),
  );
  const pairs = got.length === 0 ? expected.map(() => undefined) : assignColumns(scores);
  const results: FieldResult[] = [];
  expected.forEach((item, i) => {
    const j = pairs[i];
    for (const [field, value] of Object.entries(item)) {
      const actualValue = j === undefined ? undefined : got[j]![field];
      results.push(
        result(
          `${key}[${i}].${field}`,
          value,
          actualValue,
          equalValues(value, actualValue),
          page,
          true,
          field,
        ),
      );
    }
  });
  return results;
}

/** Equal after normalization: numbers as floats (also numeric strings), strings folded. */
export function equalValues(expected: unknown, actual: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  const expectedNumber = asNumber(expected);
  const actualNumber = asNumber(actual);
  if (expectedNumber !== undefined && actualNumber !== undefined)
    return Math.abs(expectedNumber - actualNumber) < 0.005;
  if (typeof expected === "string" && typeof actual === "string")
    return normalizeText(expected) === normalizeText(actual);
  return JSON.stringify(expected) === JSON.stringify(actual);
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  // "$0.01", "0.01", "€ 4,24": a printed amount compares as its number.
  const stripped = value.replace(/^[\s$€£₹]+|\s*(EUR|USD|INR|PLN)$/giu, "").trim();
  if (!/^-?\d+(\.\d+)?$/u.test(stripped)) return undefined;
  return Number(stripped);
}

export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/**
 * Whether an expected value is printed on the page: strings as text (each line of a multi-line value),
 * numbers and ISO dates in any of the ways the extractor reads them (invoice2data also takes values
 * from embedded XML, which no reader of the page can see).
 */
function printed(value: unknown, page: string): boolean {
  if (typeof value === "number") return pageNumbers(page).some((number) => Math.abs(number - value) < 0.005);
  if (typeof value !== "string") return true;
  if (/^\d{4}-\d{2}-\d{2}$/u.test(value))
    return (["dmy", "mdy"] as const).some(
      (order) =>
        findDates(page, order).some((date) => date.iso === value) ||
        findDateRanges(page, order).some((range) => range.start.iso === value),
    );
  // ISO currency codes are derived from the symbols on the page, as the extractor is asked to.
  if (/^[A-Z]{3}$/u.test(value) && ["USD", "EUR", "INR", "PLN", "GBP"].includes(value)) return true;
  // A value printed over several lines ("Beeswax XL\nAcme beeswax") is printed if each line is.
  return value.split("\n").every((part) => contains(page, normalizeText(part)));
}

const numberCache = new Map<string, number[]>();

/** Every number of the page in both decimal conventions, and digit groups read as one ("530 848 134"). */
function pageNumbers(page: string): number[] {
  let numbers = numberCache.get(page);
  if (numbers === undefined) {
    const grouped = page.replace(/(\d) (?=\d{3}(?!\d))/gu, "$1");
    numbers = [".", ","].flatMap((decimal) =>
      [page, grouped].flatMap((text) =>
        findNumbers(text, decimal as "." | ",").map((match) => Math.abs(match.value)),
      ),
    );
    numberCache.set(page, numbers);
  }
  return numbers;
}

function contains(page: string, needle: string): boolean {
  if (needle === "") return true;
  for (let index = page.indexOf(needle); index >= 0; index = page.indexOf(needle, index + 1)) {
    const before = page[index - 1] ?? " ";
    const after = page[index + needle.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
