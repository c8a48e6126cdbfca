/**
 * Escaping of document text for markdown content: only where a markdown reader would otherwise change
 * its meaning. A "<" that starts something tag-like ("<lazy>", "</b>", "<!x") would be read as HTML, and
 * a line starting with "#", ">", "-", "*", "+" or "1." plus a space would become a heading, quote or list.
 * Everything else (emphasis-like "*" or "_" inside text, a lone "<" as in "a < b") passes through as the
 * document has it. Applied to the text of blocks only, never to the markup the renderer adds itself.
 */

/**
 * "<" followed by a letter, "/", "!" or "?" opens an HTML tag, comment or declaration. The engine's own
 * tracked-change markup that ingest embeds in block text (<change>, <ins>, <del>, attribute-free; see
 * docx-body.ts) is kept as markup.
 */
const TAG_START = /<(?!\/?(?:change|ins|del)>)(?=[A-Za-z/!?])/gu;
/** Line starts a heading, quote, bullet item or ordered item would take over. */
const LINE_START_BLOCK = /^([ \t]*)(#{1,6}(?=[ \t]|$)|>|[-*+](?=[ \t])|\d{1,9}(?=[.)][ \t]))/gmu;

export function escapeMarkdownText(text: string): string {
  return text
    .replace(TAG_START, "\\<")
    .replace(LINE_START_BLOCK, (_match, indent: string, marker: string) =>
      /^\d/u.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    );
}
