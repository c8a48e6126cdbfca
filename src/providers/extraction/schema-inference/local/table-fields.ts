/**
 * Fields of one table block. Rows at the top made of "Label: value" cells are labelled values. The
 * first other row is the header when every non-empty cell reads as a column name (short, a letter, no
 * digits, no colon, not itself a value) and data rows follow: the table is then an array of objects,
 * one column per named header cell. A table without such a header is read as label/value cells: a
 * "Label:" cell with the next non-empty cell, a "Label: value" cell, or a label cell followed by a
 * typed value (an amount, a number, a date, a checkbox) — "Charges | $4.11". Below a header table, rows
 * of just a label and a typed value ("Total | $ 279.84") are labelled values too, and a header over a
 * single row of values that are not line items is read column by column as labelled values.
 */
import type { DocumentField, LabelledValue, TableShape, ValueClassifier } from "./field-shapes.ts";
import { looksLikeItems } from "./item-columns.ts";
import { pairOf } from "./labelled-pair.ts";
import { parseMarkdownTable } from "./markdown-table.ts";
import { cleanLabel, isLabelLike } from "./property-key.ts";

export function readTable(
  content: string,
  heading: string | undefined,
  classify: ValueClassifier,
): DocumentField[] {
  const rows = parseMarkdownTable(content);
  const fields: DocumentField[] = [];
  let index = 0;
  for (; index < rows.length; index++) {
    const pairs = colonPairs(rows[index]!);
    if (pairs.length === 0) break;
    fields.push(...pairs.map((pair) => ({ kind: "pair" as const, ...pair })));
  }
  const header = rows[index];
  const below = rows.slice(index + 1);
  // Rows below the items with just a label and an amount ("Total | $ 279.84") are totals, not items
  // (in tables of three columns or more: in a two-column table every row is a label and a value).
  const wide = (header ?? []).filter((cell) => cell !== "").length >= 3;
  const totals = below.map((row) =>
    wide && row.filter((cell) => cell !== "").length === 2
      ? rowPairs(row, classify).filter((pair) => !/\d/u.test(pair.label))
      : [],
  );
  // A row holding nothing but one "Label: value" cell is a labelled value printed inside the table.
  const inline = below.map((row) => {
    const cells = row.filter((cell) => cell !== "");
    const pair = cells.length === 1 ? pairOf(cells[0]!) : undefined;
    return pair !== undefined && pair.value !== "" ? [pair] : [];
  });
  const items = below.filter((_, row) => totals[row]!.length === 0 && inline[row]!.length === 0);
  const table = header === undefined ? undefined : headerTable(header, items, heading, classify);
  if (table !== undefined) {
    const extra = [...inline.flat(), ...totals.flat()].map((pair) => ({ kind: "pair" as const, ...pair }));
    // One row under a header that does not name items is a horizontal key/value layout
    // ("Klant | Order | Factuurdatum" over one row of values): each column is a labelled value.
    const single =
      table.columns[0]!.values.length === 1 && !looksLikeItems(table.columns.map((column) => column.label));
    const body: DocumentField[] = single
      ? table.columns
          .filter((column) => column.values[0] !== "")
          .map((column) => ({ kind: "pair", label: column.label, value: column.values[0]! }))
      : [{ kind: "table", ...table }];
    return [...fields, ...body, ...extra];
  }
  for (const row of rows.slice(index)) {
    fields.push(...rowPairs(row, classify).map((pair) => ({ kind: "pair" as const, ...pair })));
  }
  return fields;
}

function headerTable(
  header: readonly string[],
  rows: readonly string[][],
  heading: string | undefined,
  classify: ValueClassifier,
): TableShape | undefined {
  const named = header.flatMap((cell, column) => (cell === "" ? [] : [{ label: cleanLabel(cell), column }]));
  if (named.length < 2) return undefined;
  const isColumnName = (label: string) =>
    isLabelLike(label) && !/\d/u.test(label) && !label.includes(":") && classify(label, "") === "string";
  if (!named.every(({ label }) => isColumnName(label))) return undefined;
  // The same text in every cell is a repeated value ("Anushrut Singh | Anushrut Singh"), not a header.
  if (new Set(named.map(({ label }) => label.toLowerCase())).size < 2) return undefined;
  const data = rows.filter((row) => named.some(({ column }) => (row[column] ?? "") !== ""));
  if (data.length === 0) return undefined;
  return {
    heading,
    columns: named.map(({ label, column }) => ({ label, values: data.map((row) => row[column] ?? "") })),
  };
}

/** "Label: value" cells and "Label:" cells with the next non-empty cell as their value. */
function colonPairs(row: readonly string[]): LabelledValue[] {
  const pairs: LabelledValue[] = [];
  const cells = row.filter((cell) => cell !== "");
  for (let index = 0; index < cells.length; index++) {
    const pair = pairOf(cells[index]!);
    if (pair === undefined) continue;
    if (pair.value !== "") pairs.push(pair);
    else if (cells[index + 1] !== undefined && pairOf(cells[index + 1]!) === undefined) {
      pairs.push({ label: pair.label, value: cells[index + 1]! });
      index++;
    }
  }
  return pairs;
}

/** Colon pairs, else label cells each followed by a typed value cell. */
function rowPairs(row: readonly string[], classify: ValueClassifier): LabelledValue[] {
  const colon = colonPairs(row);
  if (colon.length > 0) return colon;
  const pairs: LabelledValue[] = [];
  const cells = row.filter((cell) => cell !== "");
  for (let index = 0; index + 1 < cells.length; index++) {
    const label = cleanLabel(cells[index]!);
    if (!isLabelLike(label) || classify(cells[index]!, "") !== "string") continue;
    const value = cells[index + 1]!;
    if (classify(value, label) === "string") continue;
    pairs.push({ label, value });
    index++;
  }
  return pairs;
}
