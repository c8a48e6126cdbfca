/**
 * Escaping of text read off a page (PDF words, OCR) for markdown content, only where a markdown reader
 * would otherwise not show it as written: a "<" that opens something tag-like ("<lazy>", "</b>", "<!x")
 * is raw HTML to CommonMark, and "&amp;" or "&#169;" is an entity reference it decodes. Everything else
 * passes through as the document has it: a lone "<" ("a < b"), "AT&T", "*", "#", and line starts such as
 * "4)" or "- " (list-like lines of a page are text; escaping them mangles what plain-text readers see).
 * Text of TXT/MD/office inputs is not escaped at all: its markdown is passed through on purpose.
 */

/** "<" before a letter, "/", "!" or "?": the start of an HTML tag, comment or declaration. */
const TAG_START = /<(?=[A-Za-z/!?])/gu;
/** "&" that starts a named or numeric character reference. */
const ENTITY_START = /&(?=(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)/gu;

export function escapeMarkdownText(text: string): string {
  return text.replace(TAG_START, "\\<").replace(ENTITY_START, "\\&");
}
