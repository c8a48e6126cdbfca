/**
 * Reads one schema field's value out of a span with the reader its kind calls for (date, number,
 * currency, boolean, enum, string with a semantic kind), returning the typed value and the characters
 * used, so citations cover exactly the printed value.
 */
import type { ExtractionValue, SchemaNode } from "../../../../domain/extraction-schema/index.ts";
import type { DocumentConventions } from "../values/conventions.ts";
import {
  type Reading,
  readBoolean,
  readDate,
  readEnum,
  readMoney,
  readNumber,
  readString,
} from "../values/read-values.ts";
import type { SemanticKind } from "../values/semantic-kinds.ts";

/** The kinds of node read from one place in the text (objects and arrays are assembled elsewhere). */
export type ScalarNode = Extract<
  SchemaNode,
  { kind: "string" | "number" | "integer" | "boolean" | "date" | "enum" | "currency" }
>;

export interface FieldReading {
  readonly value: ExtractionValue;
  readonly quality: number;
  /** Characters [start, end) of the span that print the value. */
  readonly start: number;
  readonly end: number;
}

export interface ReadContext {
  readonly conventions: DocumentConventions;
  readonly semantic: SemanticKind;
  /** A number field that names an identifier (a VAT or company number typed as number). */
  readonly identifier: boolean;
}

export function readField(text: string, node: ScalarNode, context: ReadContext): FieldReading | undefined {
  const { conventions, semantic } = context;
  switch (node.kind) {
    case "date":
      return fromReading(readDate(text, conventions));
    case "number":
    case "integer": {
      // A number-typed identifier ("vat": 7740001454 for "NIP: 774-00-01-454") is its digits.
      if (context.identifier) {
        const id = readString(text, context.semantic === "siren" ? "siren" : "identifier");
        const digits = String(id?.value ?? "").replace(/\D/gu, "");
        if (id !== undefined && digits.length >= 4 && digits.length <= 15)
          return { value: Number(digits), quality: id.quality, start: id.start, end: id.end };
      }
      const integer = node.kind === "integer";
      return fromReading(readNumber(text, conventions, { integer, percent: semantic === "percent" }));
    }
    case "boolean":
      return fromReading(readBoolean(text));
    case "enum":
      return fromReading(readEnum(text, node));
    case "string": {
      const reading = readString(text, semantic);
      if (reading === undefined) return undefined;
      // Text ending in a colon is another label, not a value.
      const value = String(reading.value);
      const quality = /:$/u.test(value.trim()) ? reading.quality * 0.3 : reading.quality;
      return { ...reading, quality };
    }
    case "currency": {
      const money = readMoney(text, conventions);
      if (money === undefined) return undefined;
      const start = Math.min(money.amount.start, money.codeRange?.[0] ?? money.amount.start);
      const end = Math.max(money.amount.end, money.codeRange?.[1] ?? money.amount.end);
      return {
        value: { amount: money.amount.value, iso_4217_currency_code: money.code },
        quality: money.amount.quality,
        start,
        end,
      };
    }
    default:
      return undefined;
  }
}

function fromReading(reading: Reading | undefined): FieldReading | undefined {
  return reading === undefined
    ? undefined
    : { value: reading.value, quality: reading.quality, start: reading.start, end: reading.end };
}
