/**
 * A span: a piece of document text a value may be read from (the rest of a label's segment, the segment
 * to its right, the lines below it, a table cell), with a map from its characters back to the tokens
 * they came from — so whatever part a parser keeps is cited by exactly the tokens that print it.
 */
import type { Line, Token } from "../layout/layout-model.ts";

export interface SpanPiece {
  readonly line: Line;
  /** Token range [from, to) of the line. */
  readonly from: number;
  readonly to: number;
  /** Characters of the first token that belong to the label, not to this span. */
  readonly cut: number;
}

interface TokenPlace {
  readonly line: Line;
  readonly token: number;
  readonly start: number;
  readonly end: number;
}

export interface Span {
  readonly pieces: readonly SpanPiece[];
  /** Tokens joined by spaces; pieces (lines) joined by "\n". */
  readonly text: string;
  readonly places: readonly TokenPlace[];
}

export function makeSpan(pieces: readonly SpanPiece[]): Span {
  let text = "";
  const places: TokenPlace[] = [];
  for (const piece of pieces) {
    let first = true;
    if (text !== "") text += "\n";
    for (let index = piece.from; index < piece.to; index++) {
      const raw = piece.line.tokens[index]!.text;
      const part = index === piece.from ? raw.slice(piece.cut) : raw;
      if (part === "") continue;
      if (!first) text += " ";
      first = false;
      places.push({ line: piece.line, token: index, start: text.length, end: text.length + part.length });
      text += part;
    }
  }
  return { pieces, text, places };
}

export interface CitedToken {
  readonly line: Line;
  readonly index: number;
  readonly token: Token;
}

/** The tokens printing characters [start, end) of the span, in order. */
export function tokensOf(span: Span, start = 0, end = span.text.length): CitedToken[] {
  return span.places
    .filter((place) => place.start < end && start < place.end)
    .map((place) => ({ line: place.line, index: place.token, token: place.line.tokens[place.token]! }));
}

/** A span of whole segments or token ranges without a cut. */
export function spanOfTokens(line: Line, from: number, to: number): Span {
  return makeSpan([{ line, from, to, cut: 0 }]);
}
