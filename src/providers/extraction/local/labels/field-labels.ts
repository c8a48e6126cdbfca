/**
 * Candidate labels of a schema field, each with a quality that ranks where it came from: the key's own
 * words and `extend:name` (exact, 1.0) > lexicon synonyms of that phrase (0.9; weak ones 0.6) > synonyms
 * of a part of the key or of a concept named in the description (partial, ~0.7). The quality flows into
 * the match score, so an exact label beats a synonym which beats a fuzzy one.
 */
import type { SchemaNode } from "../../../../domain/extraction-schema/index.ts";
import { CONCEPTS, type Concept, type ConceptValue } from "../lexicon/concepts.ts";
import { canonicalPhrase, phraseWords } from "../lexicon/phrase-pattern.ts";
import { identifierWords } from "../text/fold.ts";

export type LabelSource = "exact" | "synonym" | "partial";

export interface LabelPhrase {
  /** Canonical phrase (folded words joined by spaces). */
  readonly phrase: string;
  readonly quality: number;
  readonly source: LabelSource;
  /** For the extend:name label: the name as the schema prints it (its case, its trailing colon). */
  readonly printed?: string;
}

export interface FieldLabels {
  readonly phrases: readonly LabelPhrase[];
  /** The field's own name as a phrase: extend:name when given, else the key's words. */
  readonly primary: string;
  /** The key's words with abbreviations expanded ("qty" → quantity): for semantic kinds. */
  readonly words: readonly string[];
  readonly concepts: readonly Concept[];
}

/** Abbreviations common in schema keys, expanded so the lexicon recognizes them. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  qty: "quantity",
  desc: "description",
  descr: "description",
  amt: "amount",
  num: "number",
  no: "number",
  nr: "number",
  nbr: "number",
  addr: "address",
  tel: "telephone",
  dt: "date",
  pct: "percent",
  perc: "percent",
  ref: "reference",
  inv: "invoice",
  cust: "customer",
  acct: "account",
  doc: "document",
  uom: "unit",
  taxpercent: "tax percent",
};

/** Words too common to label a field on their own. */
const GENERIC_WORDS = new Set([
  "number",
  "date",
  "amount",
  "name",
  "code",
  "type",
  "value",
  "total",
  "text",
  "info",
  "information",
  "details",
  "data",
  "field",
  "item",
  "items",
  "line",
  "lines",
  "list",
  "partner",
  "customer",
  "client",
  "vendor",
  "company",
  "document",
  "invoice",
  "price",
  "unit",
  "address",
]);

/** Concepts that describe a line item rather than the whole document. */
const ITEM_CONCEPTS = new Set([
  "quantity",
  "unit_price",
  "line_amount",
  "description",
  "product_code",
  "unit_of_measure",
  "discount",
  "position",
  "tax_rate",
]);

const BY_PHRASE = new Map<string, { concept: Concept; weak: boolean }[]>();
for (const concept of CONCEPTS) {
  for (const [list, weak] of [
    [concept.phrases, false],
    [concept.weak ?? [], true],
  ] as const) {
    for (const phrase of list) {
      const key = canonicalPhrase(phrase);
      const entries = BY_PHRASE.get(key) ?? [];
      entries.push({ concept, weak });
      BY_PHRASE.set(key, entries);
    }
  }
}

export function expandedWords(key: string): string[] {
  return identifierWords(key).flatMap((word) => (ABBREVIATIONS[word] ?? word).split(" "));
}

/** `inItem`: the field is a property of an array item (a table column), which decides ambiguous concepts. */
export function labelsOf(key: string, node: SchemaNode, inItem: boolean): FieldLabels {
  const phrases = new Map<string, LabelPhrase>();
  const add = (phrase: string, quality: number, source: LabelSource) => {
    const canonical = canonicalPhrase(phrase);
    if (canonical === "") return;
    const known = phrases.get(canonical);
    if (known === undefined || known.quality < quality)
      phrases.set(canonical, { phrase: canonical, quality, source });
  };
  const keyWords = identifierWords(key);
  const words = expandedWords(key);
  const own = [keyWords.join(" "), words.join(" ")];
  if (words.length === 2) own.push(`${words[1]} ${words[0]}`);
  const name = node.extendName === null ? undefined : canonicalPhrase(node.extendName);
  if (name !== undefined) own.push(name);
  for (const phrase of own) add(phrase, 1, "exact");

  const concepts = new Set<Concept>();
  const expand = (phrase: string, scale: number, source: LabelSource) => {
    for (const { concept } of compatible(BY_PHRASE.get(phrase) ?? [], node, inItem, source === "partial")) {
      concepts.add(concept);
      for (const synonym of concept.phrases) add(synonym, 0.9 * scale, source);
      for (const synonym of concept.weak ?? []) add(synonym, 0.6 * scale, source);
    }
  };
  for (const phrase of own) expand(canonicalPhrase(phrase), 1, "synonym");
  // With extend:name the schema says how the label is printed: guessing from parts of the key would only
  // add false leads. Without it, the key is all there is.
  const guess = name === undefined;
  if (concepts.size === 0 && guess) {
    // No concept names the whole key: try its parts, longest first ("partner_coc" → coc).
    for (let length = words.length - 1; length >= 1 && concepts.size === 0; length--)
      for (let start = 0; start + length <= words.length; start++)
        expand(
          words.slice(start, start + length).join(" "),
          0.65 * Math.sqrt(length / words.length),
          "partial",
        );
  }
  if (node.description !== null) {
    // Quoted text in a description is how people write "labelled 'Inv #'".
    for (const quoted of node.description.matchAll(/["“'‘]([^"”'’]{2,40})["”'’]/gu))
      add(quoted[1]!, 0.95, "exact");
    if (concepts.size === 0) {
      const descriptionWords = phraseWords(node.description);
      for (let length = Math.min(4, descriptionWords.length); length >= 1 && concepts.size === 0; length--)
        for (let start = 0; start + length <= descriptionWords.length; start++)
          expand(descriptionWords.slice(start, start + length).join(" "), 0.8, "partial");
    }
  }
  // Each distinctive word of a longer key may be printed alone ("amount_rooms" → "Rooms").
  if (words.length > 1 && guess)
    for (const word of words) if (word.length >= 4 && !GENERIC_WORDS.has(word)) add(word, 0.5, "partial");
  // The exact phrases always win over the same phrase reached as a synonym.
  for (const phrase of own) add(phrase, 1, "exact");
  if (name !== undefined && node.extendName !== null) {
    const label = phrases.get(name);
    if (label !== undefined) phrases.set(name, { ...label, printed: node.extendName.trim() });
  }
  return {
    phrases: [...phrases.values()],
    primary: name ?? keyWords.join(" "),
    words,
    concepts: [...concepts],
  };
}

/**
 * The concepts a phrase may mean for this field: its value type first, then its place (document vs line
 * item). `strict`: for a part of the key, a concept of the wrong place is not a fallback.
 */
function compatible(
  entries: readonly { concept: Concept; weak: boolean }[],
  node: SchemaNode,
  inItem: boolean,
  strict: boolean,
): readonly { concept: Concept; weak: boolean }[] {
  const values = valuesFor(node);
  const typed = entries.filter((entry) => values.includes(entry.concept.value));
  const pool = typed.length > 0 ? typed : entries;
  const placed = pool.filter((entry) => ITEM_CONCEPTS.has(entry.concept.id) === inItem);
  const chosen = placed.length > 0 || strict ? placed : pool;
  // A phrase that is strong for one concept and weak for another means the strong one.
  const strong = chosen.filter((entry) => !entry.weak);
  return strong.length > 0 ? strong : chosen;
}

function valuesFor(node: SchemaNode): readonly ConceptValue[] {
  switch (node.kind) {
    case "number":
    case "currency":
      return ["amount", "percent", "count"];
    case "integer":
      return ["count", "amount", "identifier"];
    case "date":
      return ["date"];
    case "boolean":
    case "enum":
    case "object":
    case "signature":
    case "array":
      return ["text", "identifier"];
    case "string":
      return ["identifier", "text"];
    default:
      return ["text"];
  }
}
