/**
 * Finds one scalar field: every hit of its labels × every place a value may sit × the field's reader,
 * scored as label quality × label-likeness × place × reading quality; the best candidate wins, ties to the
 * earliest in reading order. Kinds a pattern identifies (emails, IBANs, the document currency) fall back
 * to a whole-document scan when no label leads to them.
 */
import type { ExtractionValue } from "../../../../domain/extraction-schema/index.ts";
import type { FieldLabels, LabelSource } from "../labels/field-labels.ts";
import { type LabelHit, type LabelIndex, tokenAt } from "../labels/label-index.ts";
import { blockAt, type DocumentLayout, type Line } from "../layout/layout-model.ts";
import { canonicalPhrase, compilePhrases } from "../lexicon/phrase-pattern.ts";
import type { DocumentConventions } from "../values/conventions.ts";
import { findCurrencies } from "../values/currency.ts";
import { findDateRanges } from "../values/date-ranges.ts";
import { findableWithoutLabel, findRegisteredSiren, type SemanticKind } from "../values/semantic-kinds.ts";
import { type AddressPart, addressPartOf, findAddresses, type PostalAddress } from "./postal-address.ts";
import { type ReadContext, readField, type ScalarNode } from "./read-field.ts";
import { type CitedToken, spanOfTokens, tokensOf } from "./span.ts";
import { type PlaceKind, placesFor } from "./value-places.ts";

export interface Candidate {
  readonly value: ExtractionValue;
  readonly score: number;
  /** The tokens printing the value (what citations point at). */
  readonly tokens: readonly CitedToken[];
  readonly hit: LabelHit | undefined;
  readonly place: PlaceKind | "pattern" | "document";
  readonly match: LabelSource | "pattern";
}

export interface ScalarRequest {
  readonly key: string;
  readonly node: ScalarNode;
  readonly labels: FieldLabels;
  readonly semantic: SemanticKind;
  readonly multiline: boolean;
  /** Long-form by name (address, notes): wraps even after a short first line. */
  readonly longForm: boolean;
  /** A number field whose name and concepts say identifier: read as the digits of a code. */
  readonly identifier: boolean;
  /** Siblings sharing this field's own label take its hits in reading order: this one takes hit `index`. */
  readonly occurrence: { readonly phrase: string; readonly index: number } | undefined;
}

export interface SearchContext {
  readonly layout: DocumentLayout;
  readonly index: LabelIndex;
  readonly conventions: DocumentConventions;
  /** Where to look; every line of the document when absent. */
  readonly lines?: readonly Line[];
  /** Labels must start within this horizontal range (a nested object's column), when given. */
  readonly columns?: { readonly left: number; readonly right: number };
}

/** All candidates of a field, best first. */
export function scalarCandidates(request: ScalarRequest, context: SearchContext): Candidate[] {
  const { layout, index, conventions } = context;
  const lines = context.lines ?? layout.lines;
  const own = new Set(
    request.labels.phrases.filter((label) => label.source === "exact").map((label) => label.phrase),
  );
  let hits: LabelHit[] = [];
  for (const line of lines) {
    hits.push(...index.hits(line, request.labels.phrases, request.key, own));
    const next = layout.lines[line.index + 1];
    if (next !== undefined) hits.push(...index.stackedHits(line, next, request.labels.phrases, request.key));
  }
  const columns = context.columns;
  if (columns !== undefined)
    hits = hits.filter((hit) => hit.segment.box.left >= columns.left && hit.segment.box.left < columns.right);
  if (request.occurrence !== undefined) {
    const { phrase, index: wanted } = request.occurrence;
    const exact = hits.filter((hit) => hit.label.phrase === phrase && !hit.dominated);
    hits = exact[wanted] === undefined ? [] : [exact[wanted]];
  }
  const readContext: ReadContext = {
    conventions,
    semantic: request.semantic,
    identifier: request.identifier,
  };
  const candidates: Candidate[] = [];
  for (const hit of hits) {
    const specificity = 1 + 0.04 * Math.min(4, hit.label.phrase.split(" ").length - 1);
    const likeness = labelLikeness(hit) * printedAgreement(hit);
    const labelScore = hit.label.quality * specificity * likeness * (hit.dominated ? 0.25 : 1);
    // The parse agrees this is a "Label: value" row: a little more trust in what sits beside the label.
    const center = hit.segment.box;
    const keyValue =
      blockAt(
        layout,
        hit.line.fileIndex,
        hit.line.page,
        (center.left + center.right) / 2,
        (center.top + center.bottom) / 2,
        KEY_VALUE,
      ) !== undefined;
    for (const place of placesFor(hit, layout, index, {
      multiline: request.multiline,
      longForm: request.longForm,
      checkbox: request.node.kind === "boolean",
    })) {
      const reading = readField(place.span.text, request.node, readContext);
      if (reading === undefined) continue;
      const tokens = tokensOf(place.span, reading.start, reading.end);
      if (tokens.length === 0) continue;
      // Words skipped before a figure ("Tax 15% on $112.90") make it a less direct reading.
      const skipped =
        request.node.kind !== "string" && /\p{L}{2}/u.test(place.span.text.slice(0, reading.start));
      candidates.push({
        value: reading.value,
        score:
          labelScore *
          place.score *
          reading.quality *
          (skipped ? 0.7 : 1) *
          (keyValue && (place.kind === "inline" || place.kind === "right") ? 1.05 : 1),
        tokens,
        hit,
        place: place.kind,
        match: hit.label.source,
      });
    }
  }
  if (request.occurrence === undefined)
    candidates.push(...unlabelled(request, lines, readContext, conventions));
  return candidates.sort((a, b) => b.score - a.score || order(a) - order(b));
}

const addressCache = new WeakMap<readonly Line[], PostalAddress[]>();

/** The part asked for, from the first address block that has it (letterheads come first). */
function addressCandidates(part: AddressPart | "name", lines: readonly Line[], score = 0.3): Candidate[] {
  let addresses = addressCache.get(lines);
  if (addresses === undefined) {
    addresses = findAddresses(lines);
    addressCache.set(lines, addresses);
  }
  const found = addresses.find((address) => address[part] !== undefined)?.[part];
  if (found === undefined) return [];
  return [
    {
      value: found.value,
      score,
      tokens: found.tokens,
      hit: undefined,
      place: "pattern",
      match: "pattern",
    },
  ];
}

const KEY_VALUE: ReadonlySet<string> = new Set(["key_value"]);

/** An enum value printed somewhere in the document ("paid by Credit Card"), when exactly one is. */
function enumMention(node: ScalarNode, lines: readonly Line[]): Candidate[] {
  if (node.kind !== "enum") return [];
  const patterns = compilePhrases(node.values.filter((value) => canonicalPhrase(value).length >= 3));
  const found: Candidate[] = [];
  for (const line of lines)
    for (const match of patterns.scan(line.folded)) {
      const from = tokenAt(line, match.start);
      const to = tokenAt(line, match.end - 1) + 1;
      const tokens = line.tokens
        .slice(from, to)
        .map((token, offset) => ({ line, index: from + offset, token }));
      found.push({
        value: patterns.phrases[match.phrase]!,
        score: 0.3,
        tokens,
        hit: undefined,
        place: "pattern",
        match: "pattern",
      });
    }
  return new Set(found.map((candidate) => candidate.value)).size === 1 ? found.slice(0, 1) : [];
}

/** How much a hit looks like a label: at the start of its segment, followed by a colon or a gap. */
function labelLikeness(hit: LabelHit): number {
  const starts = hit.startToken === hit.segment.start;
  if (starts) return hit.colon ? 1 : hit.endsSegment ? 0.95 : 0.85;
  return hit.colon ? 0.85 : hit.endsSegment ? 0.8 : 0.55;
}

/**
 * When the schema gives the label as printed (extend:name), a hit printed differently — lower case where
 * the name is capitalised, no colon where the name has one — is more likely the same words in a sentence.
 */
function printedAgreement(hit: LabelHit): number {
  const printed = hit.label.printed;
  if (printed === undefined) return 1;
  let factor = 1;
  if (/:\s*$/u.test(printed) && !hit.colon) factor *= 0.6;
  const first = hit.line.tokens[hit.startToken]!.text.replace(/^[^\p{L}]+/u, "");
  const nameFirst = printed.replace(/^[^\p{L}]+/u, "");
  const upper = (text: string) =>
    text !== "" && text[0] === text[0]!.toUpperCase() && text[0] !== text[0]!.toLowerCase();
  if (upper(nameFirst) && !upper(first)) factor *= 0.6;
  return factor;
}

function order(candidate: Candidate): number {
  const first = candidate.tokens[0];
  return first === undefined ? Number.POSITIVE_INFINITY : first.line.index * 10_000 + first.index;
}

/** Values a pattern or the document's conventions reveal without any label. */
function unlabelled(
  request: ScalarRequest,
  lines: readonly Line[],
  context: ReadContext,
  conventions: DocumentConventions,
): Candidate[] {
  if (
    request.node.kind === "date" &&
    request.labels.concepts.some((concept) => concept.id === "invoice_date")
  )
    return firstDate(lines, context);
  const period = request.labels.concepts.find(
    (concept) => concept.id === "period_start" || concept.id === "period_end",
  );
  if (request.node.kind === "date" && period !== undefined)
    return periodBound(period.id === "period_start" ? "start" : "end", lines, context);
  if (request.node.kind === "enum") return enumMention(request.node, lines);
  if (request.node.kind !== "string") return [];
  const part = addressPartOf(request.labels.words);
  if (part !== undefined) return addressCandidates(part, lines);
  if (request.semantic === "currency_code" && conventions.currency !== undefined) {
    for (const line of lines) {
      for (const [tokenIndex, token] of line.tokens.entries()) {
        if (!findCurrencies(token.text).some((mark) => mark.code === conventions.currency)) continue;
        return [
          {
            value: conventions.currency,
            score: 0.5,
            tokens: [{ line, index: tokenIndex, token }],
            hit: undefined,
            place: "document",
            match: "pattern",
          },
        ];
      }
    }
    return [];
  }
  if (request.semantic === "siren") return registeredSiren(request, lines, context);
  const phone = request.semantic === "phone";
  if (!findableWithoutLabel(request.semantic) && request.semantic !== "currency_symbol" && !phone) return [];
  const found: Candidate[] = [];
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const segment of line.segments) {
      const span = spanOfTokens(line, segment.start, segment.end);
      const reading = readField(span.text, request.node, context);
      if (reading === undefined) continue;
      // Without a label only a number printed like a phone number ("(870)-931-0505", "+49 …") is one.
      if (phone && (reading.quality < 1 || !/^[(+]/u.test(String(reading.value)))) continue;
      const key = String(reading.value).toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      found.push({
        value: reading.value,
        score: 0.35 * reading.quality,
        tokens: tokensOf(span, reading.start, reading.end),
        hit: undefined,
        place: "pattern",
        match: "pattern",
      });
    }
  }
  // No name with a legal form: the name over the first address block (a letterhead) is a weak guess.
  if (request.semantic === "organization" && found.length === 0) return addressCandidates("name", lines, 0.2);
  // A company name printed several times (letterhead, footer, bank details) is the document's own.
  if (request.semantic === "organization")
    return found.map((candidate) => {
      const count = counts.get(String(candidate.value).toLowerCase()) ?? 1;
      return { ...candidate, score: Math.min(0.45, 0.3 + 0.05 * (count - 1)) };
    });
  return found.slice(0, 3);
}

/** The start or end of the first period the document prints as a range ("du 1er au 31 Juillet 2015"). */
function periodBound(bound: "start" | "end", lines: readonly Line[], context: ReadContext): Candidate[] {
  for (const line of lines) {
    const span = spanOfTokens(line, 0, line.tokens.length);
    const range = findDateRanges(span.text, context.conventions.dateOrder)[0];
    if (range === undefined) continue;
    const date = range[bound];
    return [
      {
        value: date.iso,
        score: 0.3,
        tokens: tokensOf(span, date.start, date.end),
        hit: undefined,
        place: "pattern",
        match: "pattern",
      },
    ];
  }
  return [];
}

/** A company number in its registry mention ("B 421 938 861 RCS Paris"), which names it without a label. */
function registeredSiren(request: ScalarRequest, lines: readonly Line[], context: ReadContext): Candidate[] {
  for (const line of lines) {
    const span = spanOfTokens(line, 0, line.tokens.length);
    const found = findRegisteredSiren(span.text);
    if (found === undefined) continue;
    const reading = readField(span.text.slice(found.start, found.end), request.node, context);
    if (reading === undefined) continue;
    const tokens = tokensOf(span, found.start, found.end);
    return [{ value: reading.value, score: 0.4, tokens, hit: undefined, place: "pattern", match: "pattern" }];
  }
  return [];
}

const DATE_NODE: ScalarNode = {
  kind: "date",
  nullable: true,
  description: null,
  extendName: null,
  schemaPath: "",
};

/** The first date of the document: an invoice's issue date is printed before any other date. */
function firstDate(lines: readonly Line[], context: ReadContext): Candidate[] {
  for (const line of lines) {
    const span = spanOfTokens(line, 0, line.tokens.length);
    const reading = readField(span.text, DATE_NODE, context);
    if (reading === undefined) continue;
    return [
      {
        value: reading.value,
        score: 0.2,
        tokens: tokensOf(span, reading.start, reading.end),
        hit: undefined,
        place: "document",
        match: "pattern",
      },
    ];
  }
  return [];
}
