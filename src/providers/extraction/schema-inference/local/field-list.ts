/**
 * What the local inferrer honours of `extractionRules` / `generate.instructions`: a list of field names.
 * Supported forms — names separated by commas, semicolons or new lines, optionally bulleted ("-", "*",
 * "•", "1.") and optionally introduced by "fields:", "extract:", "include:", "extract only", "only" (a
 * final "and" is dropped: "invoice number, date and total"). Each name is 1–5 words without sentence
 * punctuation. Anything else (prose such as "Use the grand total when several totals appear") is not a
 * field list and leaves the inferred schema unchanged (the text still reaches the extractor as rules).
 *
 * With a list, the schema holds exactly the listed fields in the listed order: a name matches the
 * inferred property with the same key, else the first whose label or key contains its words; a name
 * that matches nothing becomes a nullable string property (a date when the name says "date").
 */
import { fold } from "../../local/text/fold.ts";
import type { InferredProperty } from "./inferred-properties.ts";
import { keyFromLabel } from "./property-key.ts";

const MAX_NAME_WORDS = 5;
const MAX_NAME_CHARACTERS = 48;
const INTRODUCTION =
  /^(?:please\s+)?(?:(?:extract|include|capture|return)(?:\s+only)?(?:\s+(?:the\s+)?(?:following\s+)?fields?)?|only|fields?)\s*[:\-–]?\s*/iu;

/** The field names of a field-list instruction, or undefined when the text is not one. */
export function fieldListOf(instructions: string | undefined): string[] | undefined {
  if (instructions === undefined) return undefined;
  const text = instructions.trim().replace(INTRODUCTION, "");
  if (text === "") return undefined;
  const names = text
    .split(/[\n,;]+/u)
    .map((name) =>
      name
        .trim()
        .replace(/^(?:[-*•]|\d+[.)])\s*/u, "")
        .replace(/^and\s+/iu, "")
        .replace(/\.$/u, "")
        .trim(),
    )
    .filter((name) => name !== "");
  // "invoice number, date and total": the last name holds two.
  const last = names.at(-1);
  if (names.length > 1 && last !== undefined && / and /iu.test(last))
    names.splice(-1, 1, ...last.split(/\s+and\s+/iu));
  if (names.length === 0) return undefined;
  const isName = (name: string) =>
    name.length <= MAX_NAME_CHARACTERS &&
    name.split(/\s+/u).length <= MAX_NAME_WORDS &&
    /\p{L}/u.test(name) &&
    !/[.!?:]/u.test(name);
  return names.every(isName) ? names : undefined;
}

/** The properties a field list asks for, in its order (see the module comment). */
export function selectFields(
  properties: readonly InferredProperty[],
  names: readonly string[],
): InferredProperty[] {
  const selected = new Map<string, InferredProperty>();
  for (const name of names) {
    const key = keyFromLabel(name);
    if (key === undefined) continue;
    const words = key.split("_");
    const found =
      properties.find((property) => property.key === key) ??
      properties.find(
        (property) =>
          !selected.has(property.key) &&
          (containsWords(property.key.split("_"), words) ||
            (property.label !== undefined && containsWords(labelWords(property.label), words))),
      );
    if (found !== undefined) {
      if (!selected.has(found.key)) selected.set(found.key, found);
      continue;
    }
    if (selected.has(key)) continue;
    selected.set(key, { kind: "scalar", key, label: name, type: words.includes("date") ? "date" : "string" });
  }
  return [...selected.values()];
}

function labelWords(label: string): string[] {
  return fold(label)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

/** Whether `words` appear in `haystack` as a contiguous run. */
function containsWords(haystack: readonly string[], words: readonly string[]): boolean {
  for (let start = 0; start + words.length <= haystack.length; start++) {
    if (words.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}
