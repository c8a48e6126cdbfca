/**
 * Dates in the many ways documents print them — ISO, 20-10-2015, 03/20/2023, 21.05.14, "August 3, 2014",
 * "7. Mai 2014", "02 Juillet 2015", "Dec 10 '98" — returned as ISO yyyy-mm-dd (Extend's date type).
 * Day/month order is read from the date when one part exceeds 12, else from the document's habit.
 */
import { fold } from "../text/fold.ts";

export type DateOrder = "dmy" | "mdy";

export interface DateMatch {
  readonly iso: string;
  /** Character range [start, end) in the scanned text. */
  readonly start: number;
  readonly end: number;
  /** "numeric" dates may have needed the document's day/month order; "ambiguous" says they did. */
  readonly ambiguous: boolean;
}

// Month names and their usual abbreviations in English, French, German, Dutch, Spanish, Italian,
// Portuguese and Polish (nominative and genitive), folded (no accents).
const MONTH_NAMES: readonly (readonly string[])[] = [
  [
    "january",
    "janvier",
    "januar",
    "januari",
    "enero",
    "gennaio",
    "janeiro",
    "styczen",
    "stycznia",
    "jan",
    "janv",
    "ene",
    "gen",
    "sty",
  ],
  [
    "february",
    "fevrier",
    "februar",
    "februari",
    "febrero",
    "febbraio",
    "fevereiro",
    "luty",
    "lutego",
    "feb",
    "fev",
    "fevr",
    "febr",
    "lut",
  ],
  ["march", "mars", "marz", "maart", "marzo", "marco", "marzec", "marca", "mar", "mrt", "maa"],
  ["april", "avril", "abril", "aprile", "kwiecien", "kwietnia", "apr", "avr", "abr", "kwi"],
  ["may", "mai", "mei", "mayo", "maggio", "maio", "maj", "maja"],
  ["june", "juin", "juni", "junio", "giugno", "junho", "czerwiec", "czerwca", "jun", "giu", "cze"],
  ["july", "juillet", "juli", "julio", "luglio", "julho", "lipiec", "lipca", "jul", "juil", "lug", "lip"],
  ["august", "aout", "augustus", "agosto", "sierpien", "sierpnia", "aug", "aou", "ago", "sie"],
  [
    "september",
    "septembre",
    "septiembre",
    "settembre",
    "setembro",
    "wrzesien",
    "wrzesnia",
    "sep",
    "sept",
    "set",
    "wrz",
  ],
  [
    "october",
    "octobre",
    "oktober",
    "octubre",
    "ottobre",
    "outubro",
    "pazdziernik",
    "pazdziernika",
    "oct",
    "okt",
    "ott",
    "out",
    "paz",
  ],
  ["november", "novembre", "noviembre", "novembro", "listopad", "listopada", "nov", "lis"],
  [
    "december",
    "decembre",
    "dezember",
    "diciembre",
    "dicembre",
    "dezembro",
    "grudzien",
    "grudnia",
    "dec",
    "dez",
    "dic",
    "gru",
  ],
];

const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, index) => {
  for (const name of names) MONTHS.set(name, index + 1);
});

/** The month a word names ("Juillet", "Sept.", "maart"), or undefined. */
export function monthOf(word: string): number | undefined {
  const folded = fold(word).replace(/\.$/u, "");
  return MONTHS.get(folded);
}

const WORD = String.raw`(\p{L}{3,12})\.?`;
const YEAR = String.raw`(\d{4}|['\u2019]\d{2})`;
const DAY_FIRST = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th|er|e|\.)?\s*(?:of\s+|de\s+)?${WORD}\s*,?\s*${YEAR}(?!\p{N})`,
  "giu",
);
const MONTH_FIRST = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${WORD}\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*${YEAR}(?!\p{N})`,
  "giu",
);
const YEAR_FIRST = /(?<![\p{N}])(\d{4})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?![\p{N}])/gu;
const NUMERIC = /(?<![\p{N}.,/-])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\p{N}])/gu;

/** Every date in `text`, left to right, without overlaps (the first-found reading of a span wins). */
export function findDates(text: string, order: DateOrder): DateMatch[] {
  const found: DateMatch[] = [];
  const add = (start: number, end: number, year: number, month: number, day: number, ambiguous: boolean) => {
    const iso = isoDate(year, month, day);
    if (iso === undefined) return;
    if (found.some((other) => start < other.end && other.start < end)) return;
    found.push({ iso, start, end, ambiguous });
  };
  for (const match of text.matchAll(YEAR_FIRST))
    add(
      match.index,
      match.index + match[0].length,
      Number(match[1]),
      Number(match[3]),
      Number(match[4]),
      false,
    );
  for (const match of text.matchAll(DAY_FIRST)) {
    const month = monthOf(match[2]!);
    if (month !== undefined)
      add(match.index, match.index + match[0].length, year(match[3]!), month, Number(match[1]), false);
  }
  for (const match of text.matchAll(MONTH_FIRST)) {
    const month = monthOf(match[1]!);
    if (month !== undefined)
      add(match.index, match.index + match[0].length, year(match[3]!), month, Number(match[2]), false);
  }
  for (const match of text.matchAll(NUMERIC)) {
    const a = Number(match[1]);
    const b = Number(match[3]);
    const resolved = resolveOrder(a, b, order);
    add(
      match.index,
      match.index + match[0].length,
      year(match[4]!),
      resolved.month,
      resolved.day,
      resolved.ambiguous,
    );
  }
  return found.sort((x, y) => x.start - y.start);
}

/** The day/month order a numeric date proves (one part over 12), if any. */
export function provenOrder(text: string): DateOrder[] {
  const orders: DateOrder[] = [];
  for (const match of text.matchAll(NUMERIC)) {
    const a = Number(match[1]);
    const b = Number(match[3]);
    if (a > 12 && b <= 12) orders.push("dmy");
    else if (b > 12 && a <= 12) orders.push("mdy");
  }
  return orders;
}

function resolveOrder(
  a: number,
  b: number,
  order: DateOrder,
): { day: number; month: number; ambiguous: boolean } {
  if (a > 12) return { day: a, month: b, ambiguous: false };
  if (b > 12) return { day: b, month: a, ambiguous: false };
  const ambiguous = a !== b;
  return order === "dmy" ? { day: a, month: b, ambiguous } : { day: b, month: a, ambiguous };
}

/** Two-digit years pivot as POSIX strptime does: 69–99 → 19xx, 00–68 → 20xx. */
function year(text: string): number {
  const digits = text.replace(/\D/gu, "");
  const value = Number(digits);
  if (digits.length === 4) return value;
  return value >= 69 ? 1900 + value : 2000 + value;
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1000 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
