/**
 * Phrase matching over a line's folded text by words: a phrase matches where its words appear in order
 * with only separators between them ("invoice no" ~ "Invoice-No.:", "p.u. ht" ~ "P.U. HT"). Phrases are
 * compiled into a word trie, so scanning a line costs the same for 10 phrases or 1,000 (one big RegExp
 * alternation did not: it was the extractor's hot spot). Scans return leftmost-longest, non-overlapping
 * matches, so "grand total" is found rather than "total" inside it.
 */
import { fold } from "../text/fold.ts";

/**
 * A word unit: a run of letters/digits (underscores included, so "invoice_number_1" stays one word), or
 * one of the symbols that label fields ("#", "%", "°"). Colons and the segment mark are breaks: no
 * phrase matches across them ("Date: Due Date" holds no "date due").
 */
const UNIT = /[\p{L}\p{N}_]+|[#%°]/gu;
const BREAK = /[:：\u2016]/u;
const TRANSPARENT = new Set(["eur", "usd", "gbp", "chf", "inr", "pln", "cad", "aud", "jpy"]);

/** The words of a phrase as matching sees them ("P.U. HT" → p, u, ht; "n°" → n, °). */
const wordsCache = new Map<string, readonly string[]>();

export function phraseWords(phrase: string): readonly string[] {
  const cached = wordsCache.get(phrase);
  if (cached !== undefined) return cached;
  const words = splitWords(phrase);
  // Labels repeat across fields and requests (the lexicon, schema keys): worth remembering, boundedly.
  if (wordsCache.size > 50_000) wordsCache.clear();
  wordsCache.set(phrase, words);
  return words;
}

function splitWords(phrase: string): string[] {
  return [...fold(phrase).matchAll(UNIT)]
    .flatMap((match) => match[0].split("_"))
    .filter((word) => word !== "");
}

/** The canonical form of a phrase: its words joined by single spaces. */
export function canonicalPhrase(phrase: string): string {
  return phraseWords(phrase).join(" ");
}

interface Unit {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** Units separated by a break have different groups. */
  readonly group: number;
}

const unitCache = new Map<string, readonly Unit[]>();

function unitsOf(folded: string): readonly Unit[] {
  let units = unitCache.get(folded);
  if (units === undefined) {
    const found: Unit[] = [];
    let group = 0;
    let previousEnd = 0;
    for (const match of folded.matchAll(UNIT)) {
      if (BREAK.test(folded.slice(previousEnd, match.index))) group++;
      found.push({ word: match[0], start: match.index, end: match.index + match[0].length, group });
      previousEnd = match.index + match[0].length;
    }
    units = found;
    // Lines repeat across fields of one request; the cache only needs to outlive one extraction.
    if (unitCache.size > 20_000) unitCache.clear();
    unitCache.set(folded, units);
  }
  return units;
}

export interface PhraseMatch {
  /** Index into the phrases the pattern was compiled from. */
  readonly phrase: number;
  /** Character range [start, end) in the folded text. */
  readonly start: number;
  readonly end: number;
}

export interface PhrasePattern {
  readonly phrases: readonly string[];
  /** Leftmost, longest, non-overlapping matches. */
  scan(folded: string): PhraseMatch[];
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  /** The phrase ending here (the first one given, when several canonicalize alike). */
  phrase: number | undefined;
}

export function compilePhrases(phrases: readonly string[]): PhrasePattern {
  const root: TrieNode = { next: new Map(), phrase: undefined };
  phrases.forEach((phrase, index) => {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    let node = root;
    for (const word of words) {
      let child = node.next.get(word);
      if (child === undefined) {
        child = { next: new Map(), phrase: undefined };
        node.next.set(word, child);
      }
      node = child;
    }
    node.phrase ??= index;
  });
  return {
    phrases,
    scan(folded) {
      const units = unitsOf(folded);
      const matches: PhraseMatch[] = [];
      for (let start = 0; start < units.length; ) {
        let node: TrieNode | undefined = root;
        let found: { phrase: number; last: number } | undefined;
        for (let at = start; at < units.length && units[at]!.group === units[start]!.group; at++) {
          // A currency code inside a label ("Montant EUR HT", "Total USD due") does not change its meaning.
          if (at > start && TRANSPARENT.has(units[at]!.word) && !node.next.has(units[at]!.word)) continue;
          node = node.next.get(units[at]!.word);
          if (node === undefined) break;
          if (node.phrase !== undefined) found = { phrase: node.phrase, last: at };
        }
        if (found === undefined) {
          start++;
          continue;
        }
        matches.push({ phrase: found.phrase, start: units[start]!.start, end: units[found.last]!.end });
        start = found.last + 1;
      }
      return matches;
    },
  };
}
