/**
 * Table rows → array items. A row with a number in a numeric column (quantity, price, amount) starts an
 * item; rows right below it with text only continue it (wrapped descriptions); total and subtotal rows
 * and repeated headers are skipped. Rows of their own that are notes ("Serial number: …") or section
 * headings ("--- Food ---") become items holding just that, when the schema has such a property. Common
 * print habits are undone when the schema asks for them: a unit printed with the quantity ("1.00 kg"),
 * a product code or a barcode's text printed before the name ("[SKU] Chair", "*987123* Olive Oil").
 */
import type { ExtractionObject, FieldContainerNode } from "../../../../domain/extraction-schema/index.ts";
import { emptyObjectFor } from "../../../../domain/extraction-schema/index.ts";
import type { ScalarRequest } from "../fields/find-scalar.ts";
import { type FieldReading, readField } from "../fields/read-field.ts";
import { type CitedToken, makeSpan, type Span, type SpanPiece, tokensOf } from "../fields/span.ts";
import { CONCEPTS } from "../lexicon/concepts.ts";
import { compilePhrases } from "../lexicon/phrase-pattern.ts";
import { fold, foldWords } from "../text/fold.ts";
import type { DocumentConventions } from "../values/conventions.ts";
import { findNumbers } from "../values/numbers.ts";
import { readNumber } from "../values/read-values.ts";
import type { ItemTable, TableRow } from "./item-table.ts";

export interface ItemCell {
  readonly reading: FieldReading;
  readonly tokens: readonly CitedToken[];
}

export interface ExtractedItem {
  readonly value: ExtractionObject;
  /** Per property, what was read and from which words. */
  readonly cells: readonly (ItemCell | undefined)[];
  /** Every word of the item's rows (item-level citations). */
  readonly tokens: readonly CitedToken[];
  /** Position of the item's first row in its table (for the reasoning insight). */
  readonly row: number;
}

/** A continuation line sits at most this many line heights below the item's previous line. */
const CONTINUATION_GAP = 1.5;

const TOTAL_LABELS = compilePhrases(
  CONCEPTS.filter((concept) => ["total", "subtotal", "tax_amount"].includes(concept.id)).flatMap(
    (concept) => concept.phrases,
  ),
);

/** `keys[i]` is the output key of `properties[i]` (undefined requests: properties read from no column). */
export function rowsToItems(
  table: ItemTable,
  keys: readonly string[],
  properties: readonly (ScalarRequest | undefined)[],
  itemNode: FieldContainerNode,
  conventions: DocumentConventions,
): ExtractedItem[] {
  const numericColumns = new Set<number>();
  properties.forEach((request, property) => {
    const column = table.propertyColumns[property];
    if (request === undefined || column === undefined) return;
    if (request.node.kind === "number" || request.node.kind === "integer" || request.node.kind === "currency")
      numericColumns.add(column);
  });
  const mapped = table.propertyColumns.filter((column) => column !== undefined) as number[];
  const firstColumn = Math.min(...mapped);
  const headerWords = foldWords(table.headerText);
  const note = namedProperty(NOTE_WORDS, keys, properties, table);
  const section = namedProperty(SECTION_WORDS, keys, properties, table);
  const groups: Group[] = [];
  let current: Group | undefined;
  table.rows.forEach((row, rowIndex) => {
    const texts = row.cells.map((cell) => cell?.text ?? "");
    const joined = texts.filter((text) => text !== "").join(" ");
    if (joined === "" || foldWords(joined) === headerWords || isTotalRow(texts)) {
      current = undefined;
      return;
    }
    const anchor =
      numericColumns.size > 0
        ? [...numericColumns].some((column) => isNumericCell(texts[column] ?? "", conventions))
        : texts[firstColumn] !== "";
    if (anchor) {
      current = { rows: [row], first: rowIndex };
      groups.push(current);
      return;
    }
    const textOnly = [...numericColumns].every((column) => (texts[column] ?? "") === "");
    const previous = current?.rows.at(-1);
    const close =
      previous?.line === undefined ||
      row.line === undefined ||
      row.line.box.top - previous.line.box.bottom <= CONTINUATION_GAP * row.line.height;
    // A row of its own that is a note ("Serial number: …", a sentence running under the figures'
    // columns) rather than more of the description is the item the schema's note property describes,
    // when no column holds notes; a decorated heading ("--- Food ---") is a section's.
    const noFigures = [...numericColumns].every((column) => !/\d/u.test(texts[column] ?? ""));
    if (section >= 0 && textOnly && looksLikeSection(joined, current === undefined)) {
      current = undefined;
      groups.push({ rows: [row], first: rowIndex, only: section });
      return;
    }
    if (note >= 0 && noFigures && current?.only === undefined && looksLikeNote(joined)) {
      current = { rows: [row], first: rowIndex, only: note };
      groups.push(current);
      return;
    }
    if (current !== undefined && textOnly && close) current.rows.push(row);
    else current = undefined;
  });
  return groups.map((group) =>
    group.only !== undefined
      ? textItem(group.rows, group.first, group.only, keys, itemNode)
      : itemOf(group.rows, group.first, table, keys, properties, itemNode, conventions),
  );
}

/** Rows of one item; `only`: a row that fills just that property (a note, a section heading). */
interface Group {
  readonly rows: TableRow[];
  readonly first: number;
  readonly only?: number;
}

/** Field-name words of a free-text note on an item. */
const NOTE_WORDS = ["note", "notes", "remark", "remarks", "comment", "comments", "memo"];
/** Field-name words (or word starts: "sectionheader") of the heading a group of items is printed under. */
const SECTION_WORDS = ["section", "heading", "category", "group"];

/** The item's unmapped string property whose name has one of `words` (as a word or a word start), or -1. */
function namedProperty(
  words: readonly string[],
  keys: readonly string[],
  properties: readonly (ScalarRequest | undefined)[],
  table: ItemTable,
): number {
  return properties.findIndex(
    (request, property) =>
      request !== undefined &&
      request.node.kind === "string" &&
      table.propertyColumns[property] === undefined &&
      foldWords(keys[property]!.replace(/[_-]+/gu, " "))
        .split(" ")
        .some((word) => words.some((wanted) => word.startsWith(wanted))),
  );
}

/** A heading between items: set off by rules ("--- Food ---"), or a few capitalised words before any item. */
function looksLikeSection(text: string, detached: boolean): boolean {
  if (/^([-=*~_#])\1+\s*\S.*\S\s*\1{2,}$/u.test(text)) return true;
  return detached && /^\p{Lu}/u.test(text) && !/\d/u.test(text) && text.split(/\s+/u).length <= 4;
}

/** "Label: value" (a serial number, a batch) or a whole sentence, not a wrapped product name. */
function looksLikeNote(text: string): boolean {
  if (/^[\p{L}][\p{L}\p{N} .'/-]{1,30}:\s*\S/u.test(text)) return true;
  return /^\p{Lu}/u.test(text) && text.split(/\s+/u).length >= 7;
}

/** An item with one property: the row's whole text (a note, a section heading). */
function textItem(
  rows: readonly TableRow[],
  first: number,
  property: number,
  keys: readonly string[],
  itemNode: FieldContainerNode,
): ExtractedItem {
  const pieces: SpanPiece[] = rows.flatMap((row) => row.cells.flatMap((cell) => cell?.pieces ?? []));
  const span = makeSpan(pieces);
  const text = span.text.replace(/\s*\n\s*/gu, " ").trim();
  const value = emptyObjectFor(itemNode);
  value[keys[property]!] = text;
  const tokens = tokensOf(span);
  const cells: (ItemCell | undefined)[] = keys.map(() => undefined);
  cells[property] = { reading: { value: text, quality: 0.8, start: 0, end: span.text.length }, tokens };
  return { value, cells, tokens, row: first };
}

/**
 * A cell that holds one figure: a number with at most a currency mark or a short unit ("€ 99,99",
 * "1.00 kg", "21 %"). Text that merely contains digits ("Tel. +49 6051 916 44 10") does not start an item.
 */
function isNumericCell(text: string, conventions: DocumentConventions): boolean {
  if (text === "" || readNumber(text, conventions, { integer: false, percent: true }) === undefined)
    return false;
  const numbers = findNumbers(text, conventions.decimal);
  const rest = numbers.reduceRight((left, match) => left.slice(0, match.start) + left.slice(match.end), text);
  return numbers.length === 1 && rest.replace(/[^\p{L}]/gu, "").length <= 6;
}

function isTotalRow(texts: readonly string[]): boolean {
  const first = texts.find((text) => text.trim() !== "");
  if (first === undefined) return false;
  const folded = fold(first).trim();
  return TOTAL_LABELS.scan(folded).some((match) => match.start === 0);
}

function itemOf(
  rows: readonly TableRow[],
  first: number,
  table: ItemTable,
  keys: readonly string[],
  properties: readonly (ScalarRequest | undefined)[],
  itemNode: FieldContainerNode,
  conventions: DocumentConventions,
): ExtractedItem {
  const value = emptyObjectFor(itemNode);
  const spanOf = (column: number): Span | undefined => {
    const pieces: SpanPiece[] = rows.flatMap((row) => row.cells[column]?.pieces ?? []);
    const texts = rows.map((row) => row.cells[column]?.text ?? "").filter((text) => text !== "");
    if (pieces.length > 0) return makeSpan(pieces);
    // Parse tables without words: text only, nothing to cite.
    return texts.length > 0 ? { pieces: [], text: texts.join("\n"), places: [] } : undefined;
  };
  const cells: (ItemCell | undefined)[] = properties.map((request, property) => {
    const column = table.propertyColumns[property];
    if (request === undefined || column === undefined) return undefined;
    const span = spanOf(column);
    if (span === undefined) return undefined;
    const reading = readField(span.text, request.node, {
      conventions,
      semantic: request.semantic,
      identifier: request.identifier,
    });
    if (reading === undefined) return undefined;
    return { reading, tokens: tokensOf(span, reading.start, reading.end) };
  });
  splitUnitFromQuantity(cells, properties, table, spanOf);
  splitCodeFromName(cells, properties, table, spanOf);
  properties.forEach((request, property) => {
    const cell = cells[property];
    if (request !== undefined && cell !== undefined) value[keys[property]!] = cell.reading.value;
  });
  const tokens = rows.flatMap((row) =>
    row.cells.flatMap((cell) => (cell === undefined ? [] : tokensOf(cell))),
  );
  return { value, cells, tokens, row: first };
}

function conceptOf(request: ScalarRequest | undefined): string | undefined {
  return request?.labels.concepts[0]?.id;
}

/** "1.00 kg" in a quantity column: the unit goes to an unmapped unit property. */
function splitUnitFromQuantity(
  cells: (ItemCell | undefined)[],
  properties: readonly (ScalarRequest | undefined)[],
  table: ItemTable,
  spanOf: (column: number) => Span | undefined,
): void {
  const unit = properties.findIndex(
    (request, property) =>
      conceptOf(request) === "unit_of_measure" && table.propertyColumns[property] === undefined,
  );
  const quantity = properties.findIndex((request) => conceptOf(request) === "quantity");
  const unitRequest = properties[unit];
  const column = table.propertyColumns[quantity];
  if (unitRequest === undefined || column === undefined || unitRequest.node.kind !== "string") return;
  const span = spanOf(column);
  const match =
    span === undefined ? null : /^\s*[-\d.,]+\s+([\p{L}][\p{L}.]{0,9})\s*$/u.exec(span.text.split("\n")[0]!);
  if (span === undefined || match === null) return;
  const start = span.text.indexOf(match[1]!);
  const end = start + match[1]!.length;
  cells[unit] = {
    reading: { value: match[1]!, quality: 0.8, start, end },
    tokens: tokensOf(span, start, end),
  };
}

/** Field-name words of a barcode property. */
const BARCODE_WORDS = ["barcode", "ean", "gtin", "upc"];

/**
 * "[FURN_7777] Office Chair" in a description column: the bracketed code goes to an unmapped code
 * property; "*987123* Olive Oil" (a Code 39 barcode's printed text, between asterisks) to an unmapped
 * barcode property, else the code one.
 */
function splitCodeFromName(
  cells: (ItemCell | undefined)[],
  properties: readonly (ScalarRequest | undefined)[],
  table: ItemTable,
  spanOf: (column: number) => Span | undefined,
): void {
  const name = properties.findIndex((request) => conceptOf(request) === "description");
  const column = table.propertyColumns[name];
  const text = column === undefined ? undefined : spanOf(column)?.text;
  const barcode = text !== undefined && /^\s*\*[0-9A-Z\-. $/+%]{1,40}\*\s/u.test(text);
  const unmappedCode = (request: ScalarRequest | undefined, property: number) =>
    conceptOf(request) === "product_code" && table.propertyColumns[property] === undefined;
  const named = properties.findIndex(
    (request, property) =>
      barcode &&
      unmappedCode(request, property) &&
      request!.labels.words.some((word) => BARCODE_WORDS.includes(word)),
  );
  const code = named >= 0 ? named : properties.findIndex(unmappedCode);
  const nameRequest = properties[name];
  if (
    code < 0 ||
    column === undefined ||
    nameRequest === undefined ||
    properties[code]?.node.kind !== "string"
  )
    return;
  const span = spanOf(column);
  const match =
    span === undefined
      ? null
      : barcode
        ? /^\s*\*([^*\s]{1,40})\*\s*/u.exec(span.text)
        : /^\s*\[([^\]\s]{1,40})\]\s*/u.exec(span.text);
  if (span === undefined || match === null) return;
  const codeStart = span.text.indexOf(match[1]!);
  const codeEnd = codeStart + match[1]!.length;
  cells[code] = {
    reading: { value: match[1]!, quality: 0.8, start: codeStart, end: codeEnd },
    tokens: tokensOf(span, codeStart, codeEnd),
  };
  const rest = span.text.slice(match[0].length);
  if (rest.trim() === "") return;
  cells[name] = {
    reading: { value: rest.trim(), quality: 0.9, start: match[0].length, end: span.text.length },
    tokens: tokensOf(span, match[0].length, span.text.length),
  };
}
