/**
 * Columns no header names, mapped by what they hold: a table printed without a header row over its
 * figures ("AWS Data Transfer ‖ $0.01") still has one column of amounts. When exactly one item property
 * asks for an amount and no header gave it a column, and exactly one unmapped column holds figures in
 * most of its rows, that column is the property's.
 */
import type { ScalarRequest } from "../fields/find-scalar.ts";
import type { DocumentConventions } from "../values/conventions.ts";
import { findNumbers } from "../values/numbers.ts";
import type { ItemTable } from "./item-table.ts";

/** Share of a column's non-empty cells that must be single figures. */
const FIGURE_SHARE = 0.8;
/** The header-match score given to a column mapped by its values (below any header match). */
const VALUE_SCORE = 0.3;

export function mapFigureColumns(
  table: ItemTable,
  properties: readonly (ScalarRequest | undefined)[],
  conventions: DocumentConventions,
): ItemTable {
  const wanting = properties.flatMap((request, property) =>
    request !== undefined && table.propertyColumns[property] === undefined && asksForAmount(request)
      ? [property]
      : [],
  );
  if (wanting.length !== 1) return table;
  const taken = new Set(table.propertyColumns.filter((column) => column !== undefined));
  const figureColumns = table.columns.flatMap((_, column) => {
    if (taken.has(column)) return [];
    const texts = table.rows.map((row) => row.cells[column]?.text.trim() ?? "").filter((text) => text !== "");
    if (texts.length < 2) return [];
    const figures = texts.filter((text) => isFigure(text, conventions)).length;
    return figures >= FIGURE_SHARE * texts.length ? [column] : [];
  });
  if (figureColumns.length !== 1) return table;
  const property = wanting[0]!;
  return {
    ...table,
    propertyColumns: table.propertyColumns.map((column, index) =>
      index === property ? figureColumns[0] : column,
    ),
    propertyScores: table.propertyScores.map((score, index) => (index === property ? VALUE_SCORE : score)),
  };
}

/** A money or number property, or a string one whose name is an amount concept ("price_unit": "0.01"). */
function asksForAmount(request: ScalarRequest): boolean {
  const kind = request.node.kind;
  if (kind === "number" || kind === "currency") return true;
  return kind === "string" && request.labels.concepts[0]?.value === "amount";
}

/** One number with at most a currency mark or a short unit around it ("$0.01", "12,50 €"). */
function isFigure(text: string, conventions: DocumentConventions): boolean {
  const numbers = findNumbers(text, conventions.decimal);
  if (numbers.length !== 1) return false;
  const rest = text.slice(0, numbers[0]!.start) + text.slice(numbers[0]!.end);
  return rest.replace(/[^\p{L}]/gu, "").length <= 3;
}
