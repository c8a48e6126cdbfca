/** The shapes the local inferrer reads off a document before it turns them into schema properties. */
import type { ValueType } from "./value-type.ts";

/** A value printed after (or beside) its label. */
export interface LabelledValue {
  readonly label: string;
  readonly value: string;
}

/** A table with a header row: its name and its named columns with their cell texts, top to bottom. */
export interface TableShape {
  /** The heading right above the table, if any (names the array). */
  readonly heading: string | undefined;
  readonly columns: readonly { readonly label: string; readonly values: readonly string[] }[];
}

export type DocumentField =
  | ({ readonly kind: "pair" } & LabelledValue)
  | ({ readonly kind: "table" } & TableShape);

/** The type a value suggests, given its label (bound to the document's conventions). */
export type ValueClassifier = (value: string, label: string) => ValueType;
