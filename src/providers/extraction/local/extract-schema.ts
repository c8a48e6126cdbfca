/**
 * Walks the validated schema and fills the output: scalars from labels, objects field by field (near
 * their own label when it is found), arrays of objects from tables, arrays of scalars from every good
 * place, signatures around a signature label. Records a metadata entry for every path found, at every
 * array level (`items`, `items[0]`, `items[0].name`).
 */
import type {
  ArrayNode,
  ExtractionObject,
  ExtractionValue,
  SchemaField,
  SchemaNode,
} from "../../../domain/extraction-schema/index.ts";
import { emptyValueFor } from "../../../domain/extraction-schema/index.ts";
import { assertNever } from "../../../shared/assert-never.ts";
import { chooseCandidate } from "./fields/choose-candidate.ts";
import { type ExtractionState, finishValue, record, scalarRequest } from "./fields/field-context.ts";
import { type Candidate, type ScalarRequest, scalarCandidates } from "./fields/find-scalar.ts";

interface SearchRegion {
  readonly lines: readonly Line[];
  readonly left: number;
  readonly right: number;
}

import type { ScalarNode } from "./fields/read-field.ts";
import { extractSignature } from "./fields/signature.ts";
import { labelsOf } from "./labels/field-labels.ts";
import type { Line } from "./layout/layout-model.ts";
import { summaryMetadata } from "./output/field-metadata.ts";
import { extractItems } from "./tables/extract-items.ts";

export type { ExtractionState } from "./fields/field-context.ts";

export function extractFields(
  fields: readonly SchemaField[],
  prefix: string,
  state: ExtractionState,
): ExtractionObject {
  const value: ExtractionObject = {};
  const occurrences = sharedLabelOccurrences(fields);
  for (const field of fields) {
    state.signal?.throwIfAborted();
    const path = prefix === "" ? field.key : `${prefix}.${field.key}`;
    value[field.key] = extractField(field, field, path, state, occurrences.get(field.key));
  }
  return value;
}

function extractField(
  field: SchemaField,
  node: SchemaNode,
  path: string,
  state: ExtractionState,
  occurrence: ScalarRequest["occurrence"],
): ExtractionValue {
  switch (node.kind) {
    case "string":
    case "number":
    case "integer":
    case "boolean":
    case "date":
    case "enum":
    case "currency":
      return extractScalar(field.key, node, path, state, occurrence);
    case "object":
      return extractObject(field, node.fields, path, state);
    case "signature":
      return extractSignature(field.key, node, path, state);
    case "array":
      return extractArray(field, node, path, state);
    default:
      return assertNever(node);
  }
}

function extractScalar(
  key: string,
  node: ScalarNode,
  path: string,
  state: ExtractionState,
  occurrence: ScalarRequest["occurrence"],
): ExtractionValue {
  const request = scalarRequest(key, node, false, occurrence);
  const chosen = chooseCandidate(scalarCandidates(request, state), request.labels, state.rules);
  if (chosen === undefined) return emptyValueFor(node);
  const value = finishValue(chosen.value, state.rules);
  record(state, path, chosen);
  if (node.kind === "currency" && value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [subKey, subValue] of Object.entries(value))
      if (subValue !== null) record(state, `${path}.${subKey}`, chosen);
  }
  return value;
}

/**
 * A nested object: its fields are looked for near the object's own label when the document prints it
 * ("Bill to" above an address block), else anywhere.
 */
function extractObject(
  field: SchemaField,
  fields: readonly SchemaField[],
  path: string,
  state: ExtractionState,
): ExtractionValue {
  const region = regionNear(field, state);
  const scoped: ExtractionState =
    region === undefined
      ? state
      : { ...state, lines: region.lines, columns: { left: region.left, right: region.right } };
  const value = extractFields(fields, path, scoped);
  const children = Object.keys(state.metadata)
    .filter((key) => key.startsWith(`${path}.`))
    .map((key) => state.metadata[key]!);
  if (children.length > 0)
    state.metadata[path] = summaryMetadata(
      children,
      state.options,
      children.flatMap((child) => child.citations ?? []),
      region === undefined ? undefined : `fields read near the label of '${field.key}'`,
    );
  return value;
}

/**
 * The object's region when its label is printed: from the label down a dozen lines, and across from the
 * label to the next segment on its line (so "Bill to:" and "Ship to:" side by side keep their columns).
 */
export function regionNear(field: SchemaField, state: ExtractionState): SearchRegion | undefined {
  const node = {
    kind: "string" as const,
    nullable: true,
    description: field.description,
    extendName: field.extendName,
    schemaPath: field.schemaPath,
  };
  const request = scalarRequest(field.key, node, false);
  const own = new Set(
    request.labels.phrases.filter((label) => label.source === "exact").map((label) => label.phrase),
  );
  const lines = state.lines ?? state.layout.lines;
  for (const line of lines) {
    const hit = state.index
      .hits(line, request.labels.phrases, `region:${request.key}`, own)
      .find((candidate) => !candidate.dominated && (candidate.colon || candidate.endsSegment));
    if (hit === undefined) continue;
    const next = line.segments.find((segment) => segment.box.left > hit.segment.box.right);
    return {
      lines: lines.filter(
        (other) =>
          other.fileIndex === line.fileIndex &&
          other.page === line.page &&
          other.index >= line.index &&
          other.index <= line.index + 12,
      ),
      left: hit.segment.box.left - line.height,
      right: next?.box.left ?? Number.POSITIVE_INFINITY,
    };
  }
  return undefined;
}

function extractArray(
  field: SchemaField,
  node: ArrayNode,
  path: string,
  state: ExtractionState,
): ExtractionValue {
  const items = node.items;
  if (items.kind === "object" || items.kind === "currency" || items.kind === "signature")
    return extractItems(field, items, path, state);
  const request = scalarRequest(field.key, { ...items, nullable: true }, false);
  const candidates = scalarCandidates(request, state);
  const best = candidates[0];
  if (best === undefined || best.score < 0.3) return [];
  const chosen = candidates
    .filter((candidate) => candidate.score >= 0.6 * best.score && candidate.place !== "pattern")
    .sort((a, b) => position(a) - position(b));
  const values: ExtractionValue[] = [];
  const seen = new Set<string>();
  for (const candidate of chosen) {
    const value = finishValue(candidate.value, state.rules);
    const key = JSON.stringify(value);
    if (seen.has(key)) continue;
    seen.add(key);
    record(state, `${path}[${values.length}]`, candidate);
    values.push(value);
  }
  if (values.length > 0) {
    const children = values.map((_, index) => state.metadata[`${path}[${index}]`]!);
    state.metadata[path] = summaryMetadata(
      children,
      state.options,
      undefined,
      `${values.length} values found`,
    );
  }
  return values;
}

function position(candidate: Candidate): number {
  const first = candidate.tokens[0];
  return first === undefined ? 0 : first.line.index * 10_000 + first.index;
}

/**
 * Sibling scalar fields with the same own label (a form asking "Date:" twice) take that label's
 * occurrences in reading order instead of all finding the first one.
 */
function sharedLabelOccurrences(fields: readonly SchemaField[]): Map<string, ScalarRequest["occurrence"]> {
  const byPhrase = new Map<string, string[]>();
  for (const field of fields) {
    if (field.kind === "object" || field.kind === "array" || field.kind === "signature") continue;
    const phrase = labelsOf(field.key, field, false).primary;
    const keys = byPhrase.get(phrase) ?? [];
    keys.push(field.key);
    byPhrase.set(phrase, keys);
  }
  const occurrences = new Map<string, ScalarRequest["occurrence"]>();
  for (const [phrase, keys] of byPhrase)
    if (keys.length > 1) for (const [index, key] of keys.entries()) occurrences.set(key, { phrase, index });
  return occurrences;
}
