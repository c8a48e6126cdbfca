/**
 * Text normalisation shared by every metric, so that engine, baseline and ground truth are always
 * compared through the same lens: Unicode compatibility folding, whitespace collapsing, a markdown
 * stripper for "text only" comparisons, and the table-cell key used for cell and adjacency matching.
 */

/** NFKC (ligatures such as "ﬁ" and full-width forms fold), whitespace runs → one space, trimmed. */
export function normalizeWhitespace(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Decodes the named entities above and numeric references; unknown names are left as written, and so is
 * an escaped "\&amp;" (markdown shows it as written).
 */
export function decodeEntities(text: string): string {
  return text.replace(/(?<!\\)&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (match, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return safeCodePoint(Number.parseInt(name.slice(2), 16), match);
    if (name.startsWith("#")) return safeCodePoint(Number.parseInt(name.slice(1), 10), match);
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

function safeCodePoint(value: number, fallback: string): string {
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : fallback;
}

/** Removes markdown backslash escapes (`\_` → `_`), as CommonMark renders them. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~$&])/gu, "$1");
}

/**
 * Markdown (or plain text) → the words a reader sees, whitespace-normalised. Applied identically to the
 * ground truth, the engine and the baseline, so syntax that only one side writes (headings, table
 * pipes, list markers, emphasis, HTML tables, image placeholders) does not count as a text difference.
 * Underscores and asterisks inside words are kept: only marker-like runs at word edges are dropped.
 */
export function markdownToText(markdown: string): string {
  let text = markdown
    .replace(/(?<!\\)<!--[\s\S]*?-->/gu, " ")
    // A tag; an escaped "\<" is text, as a markdown reader shows it.
    .replace(/(?<!\\)<\/?[a-z][^>]*>/giu, " ")
    .replace(/^\s*(```|~~~).*$/gmu, " ")
    // Table delimiter rows (| --- | :-: |) carry no text.
    .replace(/^\s*\|?(\s*:?-+:?\s*\|)+\s*(:?-+:?)?\s*$/gmu, " ")
    .replace(/^\s{0,3}#{1,6}\s+/gmu, "")
    .replace(/^\s*>\s?/gmu, "")
    .replace(/^\s*(?:[-*+•]|\d{1,3}[.)])\s+/gmu, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/gu, "$1")
    .replace(/(\*\*|__)/gu, "")
    .replace(/(^|[\s(])[*_]+(?=\S)/gu, "$1")
    .replace(/(?<=\S)(?<!\\)[*_]+(?=$|[\s).,;:!?])/gmu, "")
    .replace(/`+/gu, "");
  // Unescaped pipes are table cell borders; escaped ones are content.
  text = text.replace(/(?<!\\)\|/gu, " ");
  // Entities first: an escaped "\&amp;" is text, which unescaping would otherwise turn into an entity.
  return normalizeWhitespace(unescapeMarkdown(decodeEntities(text)));
}

/**
 * The key two table cells are compared by. Following the ICDAR 2013 competition's methodology
 * (Göbel et al., DocEng 2012), which makes the comparison independent of the PDF text library: all
 * whitespace is removed and every character that is not a letter or a digit becomes "_". NFKC first,
 * so ligatures and full-width digits compare equal to their plain forms.
 */
export function cellKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/gu, "")
    .replace(/[^\p{L}\p{N}]/gu, "_");
}
