/**
 * OCR text error rates: character error rate (CER) and word error rate (WER), the Levenshtein distance
 * between reference and hypothesis divided by the reference length, over whitespace-normalised text
 * (NFKC, whitespace runs collapsed). CER counts code points; WER counts whitespace-separated words.
 * Unlike the normalised edit distance, the rates divide by the reference only, so missing text and
 * invented text both raise them and a rate can exceed 1.
 *
 * Typographic quotes, apostrophes and dashes are folded to their ASCII forms on both sides first: the
 * corpus transcriptions (ISRI) are ASCII-only, while tesseract prints the curly quotes that are on the
 * page, and a right reading must not count as an error.
 */
import { levenshtein } from "./edit-distance.ts";
import { normalizeWhitespace } from "./text-normalize.ts";

/** Edits and reference length behind a rate, so several documents can be pooled. */
export interface ErrorCount {
  readonly edits: number;
  readonly length: number;
}

/** Whitespace normalised (text-normalize.ts), then curly quotes → straight, en/em dashes → hyphen. */
export function normalizeOcrText(text: string): string {
  return normalizeWhitespace(text)
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/gu, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/gu, "'")
    .replace(/[\u2013\u2014]/gu, "-");
}

export function characterErrors(reference: string, hypothesis: string): ErrorCount {
  const expected = normalizeOcrText(reference);
  return { edits: levenshtein(expected, normalizeOcrText(hypothesis)), length: [...expected].length };
}

export function wordErrors(reference: string, hypothesis: string): ErrorCount {
  const expected = words(reference);
  const actual = words(hypothesis);
  // Each distinct word becomes one code point, so the character Levenshtein counts word edits.
  const ids = new Map<string, string>();
  const encode = (list: readonly string[]) =>
    list
      .map((word) => {
        let id = ids.get(word);
        if (id === undefined) {
          id = String.fromCodePoint(0x10000 + ids.size);
          ids.set(word, id);
        }
        return id;
      })
      .join("");
  return { edits: levenshtein(encode(expected), encode(actual)), length: expected.length };
}

/** Edits per reference unit; 0 for an empty reference matched by an empty hypothesis, else 1 when empty. */
export function errorRate(count: ErrorCount): number {
  if (count.length === 0) return count.edits === 0 ? 0 : 1;
  return count.edits / count.length;
}

function words(text: string): string[] {
  const normalized = normalizeOcrText(text);
  return normalized === "" ? [] : normalized.split(" ");
}
