/**
 * A document's own conventions, read once from all its text: decimal separator, day/month order and
 * main currency. They settle readings a single value cannot ("54,910", "03/04/2021", a bare "$").
 */

import { findCurrencies } from "./currency.ts";
import type { DateOrder } from "./dates.ts";
import { provenOrder } from "./dates.ts";
import type { DecimalSeparator } from "./numbers.ts";

export interface DocumentConventions {
  readonly decimal: DecimalSeparator;
  readonly dateOrder: DateOrder;
  /** The most used currency (ISO code), or undefined when the text names none. */
  readonly currency: string | undefined;
}

/** `texts`: the document's lines in reading order. */
export function readConventions(texts: readonly string[]): DocumentConventions {
  let comma = 0;
  let dot = 0;
  let dmy = 0;
  let mdy = 0;
  const currencies = new Map<string, { count: number; first: number }>();
  texts.forEach((text, lineIndex) => {
    // A separator followed by exactly two digits at the end of a number is a decimal separator.
    for (const match of text.matchAll(/\d([.,])\d{2}(?![\d.,])/gu)) {
      if (match[1] === ",") comma++;
      else dot++;
    }
    for (const order of provenOrder(text)) {
      if (order === "dmy") dmy++;
      else mdy++;
    }
    for (const mark of findCurrencies(text)) {
      const known = currencies.get(mark.code);
      const weight = mark.explicit ? 1 : 0.5;
      currencies.set(mark.code, { count: (known?.count ?? 0) + weight, first: known?.first ?? lineIndex });
    }
  });
  let currency: string | undefined;
  let best = { count: 0, first: Number.POSITIVE_INFINITY };
  for (const [code, stats] of currencies) {
    if (stats.count > best.count || (stats.count === best.count && stats.first < best.first)) {
      currency = code;
      best = stats;
    }
  }
  // Without evidence either way, month-first is the US habit: follow the currency if it says USD.
  const dateOrder: DateOrder = dmy > mdy ? "dmy" : mdy > dmy ? "mdy" : currency === "USD" ? "mdy" : "dmy";
  return { decimal: comma > dot ? "," : ".", dateOrder, currency };
}
