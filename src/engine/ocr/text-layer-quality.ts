/**
 * Decides whether a page's own text layer can be used or the page needs OCR: no text at all (a scan or a
 * photo), or text that decodes to garbage (fonts without a character map yield control codes, private-use
 * or replacement characters, or runs of symbols instead of words).
 */
import type { Word } from "../document/word.ts";

export type TextLayerVerdict = "usable" | "none" | "garbage";

export interface TextLayerAssessment {
  readonly verdict: TextLayerVerdict;
  /** Visible (non-space) characters in the layer. */
  readonly characters: number;
  /** Share of visible characters that are letters or digits, 0–1. */
  readonly alphanumericShare: number;
  /** Share of visible characters that no font maps to text: controls, private use, unassigned, U+FFFD. */
  readonly undecodableShare: number;
}

// Fewer visible characters than this is no text layer: a page number or a stamp over a scanned body.
const MIN_CHARACTERS = 10;
// Over this share of undecodable characters, the layer is garbage (the layout stage drops such lines).
const MAX_UNDECODABLE_SHARE = 0.3;
// Real text is mostly letters and digits (~0.8 in prose, more in tables); glyph ids decoded as ASCII
// come out as punctuation soup. Judged only on enough characters for a share to mean something.
const MIN_ALPHANUMERIC_SHARE = 0.3;
const MIN_CHARACTERS_FOR_SHARES = 40;

export function assessTextLayer(words: readonly Word[]): TextLayerAssessment {
  let characters = 0;
  let alphanumeric = 0;
  let undecodable = 0;
  for (const word of words) {
    for (const character of word.text) {
      if (/\s/u.test(character)) continue;
      characters++;
      if (/[\p{L}\p{N}]/u.test(character)) alphanumeric++;
      else if (/[\p{Cc}\p{Co}\p{Cn}\uFFFD]/u.test(character)) undecodable++;
    }
  }
  const alphanumericShare = characters === 0 ? 0 : alphanumeric / characters;
  const undecodableShare = characters === 0 ? 0 : undecodable / characters;
  let verdict: TextLayerVerdict = "usable";
  if (characters < MIN_CHARACTERS) verdict = "none";
  else if (undecodableShare > MAX_UNDECODABLE_SHARE) verdict = "garbage";
  else if (characters >= MIN_CHARACTERS_FOR_SHARES && alphanumericShare < MIN_ALPHANUMERIC_SHARE)
    verdict = "garbage";
  return { verdict, characters, alphanumericShare, undecodableShare };
}
