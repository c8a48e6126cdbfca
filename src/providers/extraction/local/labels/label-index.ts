/**
 * Finds where labels sit in the document. Every line is scanned once against all lexicon phrases and
 * the schema's own labels (the "cover": the longest known phrase at each place); a field's hit that lies
 * inside a longer phrase of another meaning ("total" inside "total HT", "number" inside "fax number") is
 * marked dominated, so it ranks low without a rule per pair of labels.
 */

import type { Line, Segment } from "../layout/layout-model.ts";
import { CONCEPTS } from "../lexicon/concepts.ts";
import {
  canonicalPhrase,
  compilePhrases,
  type PhraseMatch,
  type PhrasePattern,
} from "../lexicon/phrase-pattern.ts";
import { foldWithOrigin } from "../text/fold.ts";
import type { LabelPhrase } from "./field-labels.ts";

export interface LabelHit {
  readonly line: Line;
  readonly label: LabelPhrase;
  /** Tokens [startToken, endToken) print the label (the last one perhaps only partly). */
  readonly startToken: number;
  readonly endToken: number;
  /** Where a value may begin: this token, from this (original) character on. */
  readonly valueToken: number;
  readonly valueCut: number;
  readonly segment: Segment;
  /** A colon follows the label (the strongest sign that it is one). */
  readonly colon: boolean;
  /** Nothing but separators follows the label within its segment. */
  readonly endsSegment: boolean;
  /** Inside a longer known phrase that is not one of the field's own labels. */
  readonly dominated: boolean;
}

/** What makes text after a label a value: letters, digits, or a checkbox ("[ ]" is a value). */
const VALUE_CHARACTER = /[\p{L}\p{N}☐☑☒✓✔✗✘□■▣⊠[\]]/u;

/** A label wraps onto a line at most this many line heights below its first part. */
const STACK_GAP = 0.8;

let lexiconPhrases: string[] | undefined;

function allLexiconPhrases(): string[] {
  lexiconPhrases ??= [
    ...new Set(
      CONCEPTS.flatMap((concept) => [...concept.phrases, ...(concept.weak ?? [])].map(canonicalPhrase)),
    ),
  ];
  return lexiconPhrases;
}

export class LabelIndex {
  readonly #cover: PhrasePattern;
  readonly #covers = new Map<number, readonly PhraseMatch[]>();
  readonly #fieldPatterns = new Map<string, PhrasePattern>();
  /** The schema's own labels: where one starts a segment, another field's label is, colon or not. */
  readonly #schema: ReadonlySet<string>;

  /** `schemaPhrases`: the exact labels of every field of the schema (key words, extend:name). */
  constructor(schemaPhrases: readonly string[]) {
    this.#schema = new Set(schemaPhrases.map(canonicalPhrase));
    this.#cover = compilePhrases([
      ...new Set([...allLexiconPhrases(), ...schemaPhrases.map(canonicalPhrase)]),
    ]);
  }

  /** Longest known phrases of a line, left to right. */
  cover(line: Line): readonly PhraseMatch[] {
    let cover = this.#covers.get(line.index);
    if (cover === undefined) {
      cover = this.#cover.scan(line.folded);
      this.#covers.set(line.index, cover);
    }
    return cover;
  }

  /** Whether a label-like phrase (followed by a colon, or alone in its segment) starts at this token. */
  labelStartsAt(line: Line, token: number): boolean {
    const start = line.tokenStarts[token];
    if (start === undefined) return false;
    const segment = segmentOf(line, token);
    for (const match of this.cover(line)) {
      if (match.start !== start) continue;
      if (colonAfter(line.folded, match.end)) return true;
      if (this.#schema.has(this.#cover.phrases[match.phrase]!)) return true;
      const lastToken = tokenAt(line, match.end - 1);
      if (lastToken + 1 >= segment.end) return true;
      // A segment opening with a known phrase and a figure is a label with its value ("Tax 15% on
      // $112.90"); inside a sentence ("All of Region 7.") the same words are just words.
      if (token === segment.start && /\d/u.test(line.tokens[lastToken + 1]?.text ?? "")) return true;
    }
    // Any short "Words:" phrase is a label even when the lexicon does not know it.
    const text = line.tokens
      .slice(token, segment.end)
      .map((t) => t.folded)
      .join(" ");
    return /^[\p{L}][\p{L} .'/&()-]{0,40}:$/u.test(text) && segment.end - token <= 5;
  }

  /**
   * Hits of multi-word labels printed over two lines ("SPECIAL" above "INSTRUCTIONS:"): a segment of
   * `first` and the segment of `second` starting at the same left edge right below it, read as one.
   * The hit belongs to the second line, where the label ends and its value starts.
   */
  stackedHits(first: Line, second: Line, labels: readonly LabelPhrase[], cacheKey: string): LabelHit[] {
    if (second.page !== first.page || second.fileIndex !== first.fileIndex) return [];
    if (second.box.top - first.box.bottom > STACK_GAP * first.height) return [];
    const stacked = labels.filter((label) => label.source === "exact" && label.phrase.includes(" "));
    if (stacked.length === 0) return [];
    const pattern = this.#pattern(`stacked:${cacheKey}`, stacked);
    const hits: LabelHit[] = [];
    for (const upper of first.segments) {
      const lower = second.segments.find(
        (segment) => Math.abs(segment.box.left - upper.box.left) <= 1.5 * first.height,
      );
      if (lower === undefined) continue;
      const upperText = foldedRange(first, upper.start, upper.end);
      const lowerText = foldedRange(second, lower.start, lower.end);
      for (const match of pattern.scan(`${upperText} ${lowerText}`)) {
        // The label must start on the upper line and end on the lower one.
        if (match.start >= upperText.length || match.end <= upperText.length + 1) continue;
        const end = second.tokenStarts[lower.start]! + (match.end - upperText.length - 1);
        const lastToken = tokenAt(second, end - 1);
        const token = second.tokens[lastToken]!;
        const foldedInToken = end - second.tokenStarts[lastToken]!;
        const cut = foldedInToken < token.folded.length;
        const valueToken = cut ? lastToken : lastToken + 1;
        const valueCut = cut ? (foldWithOrigin(token.text).origin[foldedInToken] ?? token.text.length) : 0;
        const rest = valueToken < lower.end ? restText(second, valueToken, valueCut, lower.end) : "";
        hits.push({
          line: second,
          label: stacked[match.phrase]!,
          startToken: lower.start,
          endToken: lastToken + 1,
          valueToken,
          valueCut,
          segment: lower,
          colon: colonAfter(second.folded, end),
          endsSegment: !VALUE_CHARACTER.test(rest),
          dominated: false,
        });
      }
    }
    return hits;
  }

  #pattern(cacheKey: string, labels: readonly LabelPhrase[]): PhrasePattern {
    let pattern = this.#fieldPatterns.get(cacheKey);
    if (pattern === undefined) {
      pattern = compilePhrases(labels.map((label) => label.phrase));
      this.#fieldPatterns.set(cacheKey, pattern);
    }
    return pattern;
  }

  /** Hits of the given labels on one line. `own`: canonical phrases that are the field's own labels. */
  hits(line: Line, labels: readonly LabelPhrase[], cacheKey: string, own: ReadonlySet<string>): LabelHit[] {
    const matches = this.#pattern(cacheKey, labels).scan(line.folded);
    if (matches.length === 0) return [];
    const cover = this.cover(line);
    return matches.map((match) => {
      const label = labels[match.phrase]!;
      const startToken = tokenAt(line, match.start);
      const lastToken = tokenAt(line, match.end - 1);
      const tokenStart = line.tokenStarts[lastToken]!;
      const foldedInToken = match.end - tokenStart;
      const token = line.tokens[lastToken]!;
      let valueToken = lastToken + 1;
      let valueCut = 0;
      if (foldedInToken < token.folded.length) {
        const origin = foldWithOrigin(token.text).origin;
        valueToken = lastToken;
        valueCut = origin[foldedInToken] ?? token.text.length;
      }
      const segment = segmentOf(line, startToken);
      const rest = valueToken < segment.end ? restText(line, valueToken, valueCut, segment.end) : "";
      const dominated = cover.some(
        (other) =>
          other.start <= match.start &&
          other.end >= match.end &&
          other.end - other.start > match.end - match.start &&
          !own.has(this.#cover.phrases[other.phrase]!),
      );
      return {
        line,
        label,
        startToken,
        endToken: lastToken + 1,
        valueToken,
        valueCut,
        segment,
        colon: colonAfter(line.folded, match.end),
        endsSegment: !VALUE_CHARACTER.test(rest),
        dominated,
      };
    });
  }
}

/** The folded text of tokens [from, to) of a line, joined by single spaces. */
function foldedRange(line: Line, from: number, to: number): string {
  return line.tokens
    .slice(from, to)
    .map((token) => token.folded)
    .join(" ");
}

function restText(line: Line, from: number, cut: number, to: number): string {
  let text = line.tokens[from]!.text.slice(cut);
  for (let index = from + 1; index < to; index++) text += ` ${line.tokens[index]!.text}`;
  return text;
}

function colonAfter(folded: string, end: number): boolean {
  return /^\s*[:：]/u.test(folded.slice(end, end + 3));
}

/** The token whose folded text contains character `offset` of the line's folded text. */
export function tokenAt(line: Line, offset: number): number {
  let low = 0;
  let high = line.tokenStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (line.tokenStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

export function segmentOf(line: Line, token: number): Segment {
  return line.segments.find((segment) => token >= segment.start && token < segment.end) ?? line.segments[0]!;
}
