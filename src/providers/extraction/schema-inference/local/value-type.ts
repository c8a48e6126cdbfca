/**
 * The type a printed value suggests for its field (behaviour.md §3.2 types): a checkbox or yes/no →
 * boolean; a date → string with `extend:type: date`; an amount with a currency mark → `extend:type:
 * currency`; a lone number → number (identifiers such as "42183017" or "00123", and values of labels
 * that name an identifier, stay strings); anything else → string.
 */
import type { DocumentConventions } from "../../local/values/conventions.ts";
import { findCurrencies } from "../../local/values/currency.ts";
import { findDates } from "../../local/values/dates.ts";
import { findNumbers } from "../../local/values/numbers.ts";

export type ValueType = "string" | "number" | "date" | "currency" | "boolean";
/** A field's type, or "blank" when no value was printed under it (rendered as a string). */
export type FieldType = ValueType | "blank";

const CHECKBOX = /^(?:\[\s*[xX✓✔]?\s*\]|\(\s*[xX✓✔]?\s*\)|[☐☑☒□■])/u;
const YES_NO = /^(?:yes|no|ja|nee|nein|oui|non|si|sí|true|false)$/iu;
/** Words that make a label name an identifier: its digits are a code, not a quantity. */
const IDENTIFIER_WORDS =
  /(?:^|[^\p{L}])(?:number|no|nr|nummer|numero|num|id|#|code|ref|reference|account|phone|tel|telephone|fax|zip|postal|postcode|iban|bic|swift|gst|gstin|vat|btw|tva|siret|siren|kvk|factuurnummer|ordernummer|rechnungsnummer|serial|sku)(?:$|[^\p{L}])/iu;

export function typeOfValue(value: string, label: string, conventions: DocumentConventions): ValueType {
  const text = value.trim();
  if (text === "") return "string";
  if (CHECKBOX.test(text)) return "boolean";
  if (YES_NO.test(text)) return "boolean";
  const compact = text.replace(/\s+/gu, "");
  const dates = findDates(text, conventions.dateOrder);
  const date = dates.length === 1 ? dates[0]! : undefined;
  if (
    date !== undefined &&
    text.slice(date.start, date.end).replace(/\s+/gu, "").length >= compact.length * 0.7
  )
    return "date";
  const numbers = findNumbers(text, conventions.decimal);
  if (numbers.length !== 1) return "string";
  const number = numbers[0]!;
  // A currency mark touching the amount ("$4.11", "€ 399,00", "1939 INR", "Rs 1939").
  const currencies = findCurrencies(text).filter(
    (mark) => Math.abs(mark.end - number.start) <= 2 || Math.abs(number.end - mark.start) <= 2,
  );
  const rest = removeRanges(text, [number, ...currencies]);
  if (/\p{L}{3,}/u.test(rest) || rest.replace(/[\s.,:;()*+-]/gu, "").length > 2) return "string";
  if (currencies.length > 0) return "currency";
  if (number.percent) return "number";
  const identifierDigits = number.bare && (number.digits >= 5 || /^0\d/u.test(text));
  if (identifierDigits || IDENTIFIER_WORDS.test(label)) return "string";
  return "number";
}

/** A column's (or a repeated label's) type: the type of most (60%) non-blank values, else string. */
export function typeOfValues(values: readonly string[], classify: (value: string) => ValueType): FieldType {
  const typed = values.filter((value) => value.trim() !== "").map(classify);
  if (typed.length === 0) return "blank";
  const counts = new Map<ValueType, number>();
  for (const type of typed) counts.set(type, (counts.get(type) ?? 0) + 1);
  // Amounts where some cells carry a currency mark and some do not are still money.
  const money = (counts.get("currency") ?? 0) + (counts.get("number") ?? 0);
  if ((counts.get("currency") ?? 0) > 0 && money >= typed.length * 0.6) return "currency";
  for (const [type, count] of counts) if (type !== "string" && count >= typed.length * 0.6) return type;
  return "string";
}

function removeRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  let result = "";
  for (let index = 0; index < text.length; index++) {
    if (!ranges.some((range) => index >= range.start && index < range.end)) result += text[index];
  }
  return result;
}
