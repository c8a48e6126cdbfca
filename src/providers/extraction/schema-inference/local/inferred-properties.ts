/**
 * Document fields → schema properties: keys from labels (first occurrence wins, document order kept),
 * each scalar typed from all the values printed under its label, each header table an array of
 * objects named after the heading above it ("line_items" when its columns name quantities and prices,
 * else table_N); tables repeating an earlier header (a table continued on the next page) share its key.
 * Properties of several documents merge by key: types that disagree widen (number + currency →
 * currency, a field left blank takes the other sample's type, anything else → string), array columns
 * are unioned.
 */

import type { DocumentField, ValueClassifier } from "./field-shapes.ts";
import { looksLikeItems } from "./item-columns.ts";
import { keyFromLabel } from "./property-key.ts";
import { type FieldType, typeOfValues } from "./value-type.ts";

export interface ScalarProperty {
  readonly kind: "scalar";
  readonly key: string;
  readonly label: string;
  readonly type: FieldType;
}

export interface ArrayProperty {
  readonly kind: "array";
  readonly key: string;
  readonly label: string | undefined;
  readonly columns: readonly ScalarProperty[];
}

export type InferredProperty = ScalarProperty | ArrayProperty;

export function propertiesOf(
  fields: readonly DocumentField[],
  classify: ValueClassifier,
): InferredProperty[] {
  const scalars = new Map<string, { label: string; values: string[] }>();
  const order: string[] = [];
  const tables = new Map<string, ArrayProperty>();
  const tableKeys = new Map<string, string>();
  for (const field of fields) {
    if (field.kind === "pair") {
      const key = keyFromLabel(field.label);
      if (key === undefined) continue;
      const existing = scalars.get(key);
      if (existing !== undefined) existing.values.push(field.value);
      else if (!tables.has(key)) {
        scalars.set(key, { label: field.label, values: [field.value] });
        order.push(key);
      }
      continue;
    }
    const columns = itemColumns(field.columns, classify);
    if (columns.length < 2) continue;
    const signature = columns.map((column) => column.key).join(",");
    const key = tableKeys.get(signature) ?? tableKey(field.heading, columns, tables, scalars);
    tableKeys.set(signature, key);
    const previous = tables.get(key);
    if (previous === undefined) order.push(key);
    tables.set(key, {
      kind: "array",
      key,
      label: previous?.label ?? field.heading,
      columns: previous === undefined ? columns : mergeColumns(previous.columns, columns),
    });
  }
  return order.map((key): InferredProperty => {
    const table = tables.get(key);
    if (table !== undefined) return table;
    const scalar = scalars.get(key)!;
    return {
      kind: "scalar",
      key,
      label: scalar.label,
      type: typeOfValues(scalar.values, (value) => classify(value, scalar.label)),
    };
  });
}

/** Union by key in first-seen order; the first document's label wins. */
export function mergeProperties(lists: readonly (readonly InferredProperty[])[]): InferredProperty[] {
  const merged = new Map<string, InferredProperty>();
  for (const list of lists) {
    for (const property of list) {
      const previous = merged.get(property.key);
      if (previous === undefined) merged.set(property.key, property);
      else if (previous.kind === "scalar" && property.kind === "scalar")
        merged.set(property.key, { ...previous, type: widen(previous.type, property.type) });
      else if (previous.kind === "array" && property.kind === "array")
        merged.set(property.key, { ...previous, columns: mergeColumns(previous.columns, property.columns) });
    }
  }
  return [...merged.values()];
}

function itemColumns(
  columns: readonly { label: string; values: readonly string[] }[],
  classify: ValueClassifier,
): ScalarProperty[] {
  const seen = new Set<string>();
  return columns.flatMap((column): ScalarProperty[] => {
    const key = keyFromLabel(column.label);
    if (key === undefined || seen.has(key)) return [];
    seen.add(key);
    const type = typeOfValues(column.values, (value) => classify(value, column.label));
    return [{ kind: "scalar", key, label: column.label, type }];
  });
}

function tableKey(
  heading: string | undefined,
  columns: readonly ScalarProperty[],
  tables: ReadonlyMap<string, unknown>,
  scalars: ReadonlyMap<string, unknown>,
): string {
  const taken = (key: string) => tables.has(key) || scalars.has(key);
  // A heading with digits is a title with a number ("Invoice INV/2023/03/0008"), not the table's name.
  const fromHeading = heading === undefined || /\d/u.test(heading) ? undefined : keyFromLabel(heading);
  const base =
    fromHeading ?? (looksLikeItems(columns.map((column) => column.label)) ? "line_items" : undefined);
  if (base !== undefined && !taken(base)) return base;
  if (base !== undefined && !taken(`${base}_table`)) return `${base}_table`;
  for (let index = tables.size + 1; ; index++) if (!taken(`table_${index}`)) return `table_${index}`;
}

function mergeColumns(first: readonly ScalarProperty[], second: readonly ScalarProperty[]): ScalarProperty[] {
  const merged = new Map(first.map((column) => [column.key, column]));
  for (const column of second) {
    const previous = merged.get(column.key);
    merged.set(
      column.key,
      previous === undefined ? column : { ...previous, type: widen(previous.type, column.type) },
    );
  }
  return [...merged.values()];
}

/** Two samples' types of one field: a blank takes the other's, number + currency is currency. */
function widen(a: FieldType, b: FieldType): FieldType {
  if (a === b || b === "blank") return a;
  if (a === "blank") return b;
  if ((a === "currency" && b === "number") || (a === "number" && b === "currency")) return "currency";
  return "string";
}
