/**
 * Builds Extend metadata for a model's merged output by finding each scalar value in the document's
 * words: the value's printed forms are compared with runs of consecutive tokens (within a line, or
 * continuing onto following lines) after folding away case, accents, spaces and punctuation. Matches on
 * the pages of the window the value came from win; an array property prefers tokens no earlier item
 * already cited. Layout, citations and confidences are the local engine's own (buildDocumentLayout,
 * metadataFor, summaryMetadata), so both extractors cite the same way. Values not found get metadata
 * with no citations.
 */
import type {
  ArrayItemNode,
  ExtractionValue,
  SchemaNode,
  ValidatedSchema,
} from "../../../domain/extraction-schema/index.ts";
import type { ExtractionOptions } from "../field-extractor.ts";
import type { CitedToken } from "../local/fields/span.ts";
import type { DocumentLayout, Line } from "../local/layout/layout-model.ts";
import { citationsFor } from "../local/output/citations.ts";
import { type FieldMetadata, metadataFor, summaryMetadata } from "../local/output/field-metadata.ts";
import { fold } from "../local/text/fold.ts";
import { type DocumentWindow, pageKeyOf } from "./windows.ts";

/** A value may continue onto this many following lines (wrapped names, addresses). */
const MAX_EXTRA_LINES = 3;

interface LocateContext {
  readonly layout: DocumentLayout;
  readonly options: ExtractionOptions;
  readonly windows: readonly DocumentWindow[];
  readonly origins: ReadonlyMap<string, number>;
  readonly metadata: Record<string, FieldMetadata>;
  /** Template path (`items[].price`) → token ids already cited there. */
  readonly used: Map<string, Set<string>>;
}

export function buildMetadata(
  schema: ValidatedSchema,
  value: Record<string, ExtractionValue>,
  layout: DocumentLayout,
  options: ExtractionOptions,
  windows: readonly DocumentWindow[],
  origins: ReadonlyMap<string, number>,
): Record<string, FieldMetadata> {
  const context: LocateContext = { layout, options, windows, origins, metadata: {}, used: new Map() };
  for (const field of schema.fields) visit(field, value[field.key] ?? null, field.key, context, false);
  return context.metadata;
}

/** Records metadata for `path` and below; returns the tokens cited under it (for item citations). */
function visit(
  node: SchemaNode | ArrayItemNode,
  value: ExtractionValue,
  path: string,
  context: LocateContext,
  inItem: boolean,
): CitedToken[] {
  const { layout, options, metadata } = context;
  if (node.kind === "array") {
    const items = Array.isArray(value) ? value : [];
    const children: FieldMetadata[] = [];
    items.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      const tokens = visit(node.items, item, itemPath, context, true);
      const entry = metadata[itemPath];
      if ("fields" in node.items && entry !== undefined) {
        // arrayCitationStrategy "item": one citation set per item, over everything the item cites.
        if (options.citationsEnabled) entry.citations = citationsFor(tokens, layout, options.citationMode);
      }
      if (entry !== undefined) children.push(entry);
    });
    metadata[path] = summaryMetadata(children, options, [], undefined);
    return [];
  }
  if ("fields" in node) {
    const object = value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
    const tokens: CitedToken[] = [];
    const children: FieldMetadata[] = [];
    for (const field of node.fields) {
      const childPath = `${path}.${field.key}`;
      tokens.push(...visit(field, object[field.key] ?? null, childPath, context, inItem));
      const entry = metadata[childPath];
      if (entry !== undefined) children.push(entry);
    }
    metadata[path] = summaryMetadata(children, options, [], undefined);
    return tokens;
  }
  const tokens = value === null || typeof value === "object" ? [] : locate(value, path, context);
  // Item properties are cited only with arrayCitationStrategy "property" (the item carries them otherwise).
  const cite = !inItem || options.arrayCitationStrategy === "property";
  metadata[path] = metadataFor(tokens, layout, options, undefined, cite && tokens.length > 0);
  return tokens;
}

function locate(value: string | number | boolean, path: string, context: LocateContext): CitedToken[] {
  const targets = printedForms(value);
  if (targets.length === 0) return [];
  const windowIndex = context.origins.get(path);
  const pages = windowIndex === undefined ? undefined : context.windows[windowIndex]?.pages;
  const template = path.replace(/\[\d+\]/g, "[]");
  const used = context.used.get(template) ?? new Set<string>();
  let best: { tokens: CitedToken[]; score: number } | undefined;
  for (const line of context.layout.lines) {
    const onPage = pages === undefined || pages.has(pageKeyOf(line.fileIndex, line.page));
    for (let start = 0; start < line.tokens.length; start++) {
      const tokens = matchFrom(line, start, targets, context.layout.lines);
      if (tokens === undefined) continue;
      const fresh = !tokens.some((cited) => used.has(tokenId(cited)));
      const score = (onPage ? 2 : 0) + (fresh ? 1 : 0);
      if (best === undefined || score > best.score) best = { tokens, score };
      if (score === 3) break;
    }
    if (best?.score === 3) break;
  }
  if (best === undefined) return [];
  for (const cited of best.tokens) used.add(tokenId(cited));
  context.used.set(template, used);
  return best.tokens;
}

/** Tokens from `start` whose compact text equals one of the targets, possibly continuing on next lines. */
function matchFrom(
  line: Line,
  start: number,
  targets: readonly string[],
  lines: readonly Line[],
): CitedToken[] | undefined {
  const first = compact(line.tokens[start]!.text);
  if (first === "" || !targets.some((target) => target.startsWith(first))) {
    // A lone token carrying the value with a short affix ("#42183017", "USD4.11").
    const hit = targets.some(
      (target) => target.length >= 4 && first.includes(target) && first.length <= target.length + 4,
    );
    return hit ? [{ line, index: start, token: line.tokens[start]! }] : undefined;
  }
  const tokens: CitedToken[] = [];
  let text = "";
  let current = line;
  let index = start;
  for (let extra = 0; extra <= MAX_EXTRA_LINES; ) {
    if (index >= current.tokens.length) {
      const next = lines[current.index + 1];
      if (next === undefined || next.fileIndex !== current.fileIndex || next.page !== current.page)
        return undefined;
      current = next;
      index = 0;
      extra++;
      continue;
    }
    const token = current.tokens[index]!;
    text += compact(token.text);
    tokens.push({ line: current, index, token });
    if (targets.includes(text)) return tokens;
    if (!targets.some((target) => target.startsWith(text))) return undefined;
    index++;
  }
  return undefined;
}

/** The forms a value may be printed in, compacted. Booleans are not text and are never located. */
function printedForms(value: string | number | boolean): string[] {
  if (typeof value === "boolean") return [];
  if (typeof value === "string") {
    const forms = [compact(value)];
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (iso !== null) {
      const [, year, month, day] = iso as unknown as [string, string, string, string];
      forms.push(compact(`${day}${month}${year}`), compact(`${month}${day}${year}`));
      const monthName = MONTHS[Number(month) - 1];
      if (monthName !== undefined) {
        const d = String(Number(day));
        for (const name of [monthName, monthName.slice(0, 3)])
          forms.push(compact(`${name} ${d} ${year}`), compact(`${d} ${name} ${year}`));
      }
    }
    return unique(forms.filter((form) => form !== ""));
  }
  const forms = [String(value), value.toFixed(2)];
  if (Number.isInteger(value)) forms.push(String(value));
  return unique(forms.map(compact).filter((form) => form !== ""));
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Folded, letters and digits only: "$1,234.50" → "123450", "Inc." → "inc". */
function compact(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, "");
}

function tokenId(cited: CitedToken): string {
  return `${cited.line.index}:${cited.index}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
