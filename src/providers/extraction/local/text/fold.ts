/**
 * Text folding for matching: lower case, accents stripped, typographic punctuation unified, so that
 * "Numéro", "NUMERO" and "numero" compare equal. Folding keeps a map back to the original characters
 * because values are always returned as the document prints them, never in folded form.
 */

const COMBINING_MARKS = /\p{M}/u;

/** Characters folded to a plain ASCII stand-in (typographic quotes, dashes, the "numero" sign). */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u00a0": " ",
  "\u2116": "no",
  ł: "l",
  Ł: "l",
  ß: "ss",
  ø: "o",
  Ø: "o",
  đ: "d",
};

/** Folded text plus, for every folded character, the index of the original character it came from. */
export interface FoldedText {
  readonly text: string;
  readonly origin: readonly number[];
}

const singleCache = new Map<string, string>();

function foldCharacter(character: string): string {
  const cached = singleCache.get(character);
  if (cached !== undefined) return cached;
  const replaced = REPLACEMENTS[character];
  let folded: string;
  if (replaced !== undefined) folded = replaced;
  else {
    folded = "";
    for (const part of character.normalize("NFKD")) if (!COMBINING_MARKS.test(part)) folded += part;
    folded = folded.toLowerCase();
  }
  singleCache.set(character, folded);
  return folded;
}

export function foldWithOrigin(text: string): FoldedText {
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const character of text) {
    const part = foldCharacter(character);
    for (let k = 0; k < part.length; k++) origin.push(index);
    folded += part;
    index += character.length;
  }
  return { text: folded, origin };
}

export function fold(text: string): string {
  let folded = "";
  for (const character of text) folded += foldCharacter(character);
  return folded;
}

/** Folded, with every run of non-letters/digits collapsed to one space: for comparing phrases. */
export function foldWords(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}%#$€£¥₹]+/gu, " ")
    .trim();
}

/**
 * The words of a schema key: snake_case, kebab-case and camelCase split ("lineItems" → line items,
 * "iso_4217_code" → iso 4217 code, "VATNumber" → vat number).
 */
export function identifierWords(key: string): string[] {
  return key
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .map((word) => fold(word))
    .filter((word) => word !== "");
}
