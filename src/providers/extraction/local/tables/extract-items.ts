/**
 * An array of objects from the document's tables: candidate tables come from the parse's table blocks
 * and from the extractor's own header detection; the one whose headers fit the item's properties best
 * wins, joined by the tables that repeat its header on later pages (or further down). Every item and
 * property gets a metadata entry; `arrayCitationStrategy` decides whether items or properties carry
 * the citations.
 */
import type { Extend } from "extend-ai";
import type {
  ExtractionValue,
  FieldContainerNode,
  SchemaField,
} from "../../../../domain/extraction-schema/index.ts";
import { type ExtractionState, finishValue, scalarRequest } from "../fields/field-context.ts";
import type { ScalarRequest } from "../fields/find-scalar.ts";
import type { ScalarNode } from "../fields/read-field.ts";
import type { CitedToken } from "../fields/span.ts";
import { citationsFor, polygonOf, unionOf } from "../output/citations.ts";
import { type FieldMetadata, metadataFor, summaryMetadata } from "../output/field-metadata.ts";
import { headerFit, type ItemTable, mappedCount } from "./item-table.ts";
import { layoutTables } from "./layout-tables.ts";
import { parseTables } from "./parse-tables.ts";
import { type ExtractedItem, rowsToItems } from "./rows-to-items.ts";
import { mapFigureColumns } from "./value-columns.ts";

const SCALAR_KINDS = new Set(["string", "number", "integer", "boolean", "date", "enum", "currency"]);

export function extractItems(
  field: SchemaField,
  itemNode: FieldContainerNode,
  path: string,
  state: ExtractionState,
): ExtractionValue {
  const keys = itemNode.fields.map((property) => property.key);
  const properties: (ScalarRequest | undefined)[] = itemNode.fields.map((property) =>
    SCALAR_KINDS.has(property.kind) ? scalarRequest(property.key, property as ScalarNode, true) : undefined,
  );
  const candidates = [
    ...parseTables(properties, state.layout),
    ...layoutTables(properties, state.layout, state.index, state.conventions),
  ];
  const tables = chooseTables(candidates).map((table) =>
    mapFigureColumns(table, properties, state.conventions),
  );
  const items: ExtractedItem[] = [];
  const sources: ItemTable[] = [];
  for (const table of tables) {
    for (const item of rowsToItems(table, keys, properties, itemNode, state.conventions)) {
      items.push(item);
      sources.push(table);
    }
  }
  const values = items.map((item, index) => {
    const itemPath = `${path}[${index}]`;
    recordItem(item, sources[index]!, itemPath, keys, state);
    const value: Record<string, ExtractionValue> = {};
    for (const [key, entry] of Object.entries(item.value)) value[key] = finishValue(entry, state.rules);
    return value;
  });
  if (values.length > 0) {
    const children = values.map((_, index) => state.metadata[`${path}[${index}]`]!);
    const header = tables[0]!.headerText;
    state.metadata[path] = summaryMetadata(
      children,
      state.options,
      regionCitations(
        items.flatMap((item) => item.tokens),
        state,
      ),
      `${values.length} rows of the table headed '${header}' (${tables.length} table part${tables.length > 1 ? "s" : ""}) for '${field.key}'`,
    );
  }
  return values;
}

/** The best-fitting table, plus same-shaped tables elsewhere (a header repeated on the next page). */
function chooseTables(candidates: readonly ItemTable[]): ItemTable[] {
  const usable = candidates.filter((table) => mappedCount(table) >= 1 && table.rows.length > 0);
  if (usable.length === 0) return [];
  const rank = (table: ItemTable) =>
    headerFit(table) * (mappedCount(table) >= 2 ? 1 : 0.5) + 0.05 * Math.min(10, table.rows.length);
  const best = usable.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  const signature = (table: ItemTable) => table.propertyColumns.map((column) => column !== undefined).join();
  const chosen = usable
    .filter(
      (table) => table === best || (signature(table) === signature(best) && !overlapsAny(table, [best])),
    )
    .sort((a, b) => a.fileIndex - b.fileIndex || a.page - b.page || a.top - b.top);
  // Parse and layout tables may describe the same region: keep the first of overlapping ones (best first).
  const kept: ItemTable[] = [];
  for (const table of [best, ...chosen.filter((table) => table !== best)])
    if (!overlapsAny(table, kept)) kept.push(table);
  return kept.sort((a, b) => a.fileIndex - b.fileIndex || a.page - b.page || a.top - b.top);
}

function overlapsAny(table: ItemTable, others: readonly ItemTable[]): boolean {
  return others.some(
    (other) =>
      other.fileIndex === table.fileIndex &&
      other.page === table.page &&
      table.top <= other.bottom &&
      other.top <= table.bottom,
  );
}

function recordItem(
  item: ExtractedItem,
  table: ItemTable,
  path: string,
  keys: readonly string[],
  state: ExtractionState,
): void {
  const byProperty = state.options.arrayCitationStrategy === "property";
  const children: FieldMetadata[] = [];
  item.cells.forEach((cell, property) => {
    if (cell === undefined || cell.reading.value === null) return;
    const column = table.propertyColumns[property];
    const header = column === undefined ? "(derived)" : (table.columns[column]?.header ?? "");
    const entry = metadataFor(
      cell.tokens,
      state.layout,
      state.options,
      `column '${header}' of the table on page ${table.page}, row ${item.row + 1}`,
      byProperty,
    );
    state.metadata[`${path}.${keys[property]}`] = entry;
    children.push(entry);
  });
  state.metadata[path] = summaryMetadata(
    children,
    state.options,
    byProperty ? [] : regionCitations(item.tokens, state),
    `row ${item.row + 1} of the table headed '${table.headerText}' on page ${table.page}`,
  );
}

/** One polygon per page around the given words (an item's row, or a whole table). */
function regionCitations(tokens: readonly CitedToken[], state: ExtractionState): Extend.Citation[] {
  if (!state.options.citationsEnabled || tokens.length === 0) return [];
  const first = tokens[0]!;
  const geometry = state.layout.files[first.line.fileIndex]!.geometry;
  if (geometry !== "word") return citationsFor(tokens, state.layout, "block");
  const byPage = new Map<string, CitedToken[]>();
  for (const token of tokens) {
    const key = `${token.line.fileIndex}:${token.line.page}`;
    const list = byPage.get(key) ?? [];
    list.push(token);
    byPage.set(key, list);
  }
  return [...byPage.values()].map((group) => {
    const [citation] = citationsFor([group[0]!], state.layout, "word");
    return {
      ...citation,
      referenceText: group.map((entry) => entry.token.text).join(" "),
      polygon: polygonOf(unionOf(group.map((entry) => entry.token.box))),
    };
  });
}
