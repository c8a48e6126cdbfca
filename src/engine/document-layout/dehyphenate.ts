/**
 * Line-end hyphens across the document. Paragraph grouping joins a line ending in a hyphen to the next
 * without a space and keeps the hyphen, because a compound ("self-locking") cannot be told from a word
 * broken by hyphenation ("eir-mod") on one line alone. The whole document can tell: a break whose joined
 * word is used elsewhere in the document unbroken and never with a hyphen is hyphenation, and the hyphen
 * goes. So is a break before an English ending that is no word of its own ("witness-es", "practic-ing",
 * "organi-zation"): the second part of a compound is a word. Everything else keeps it.
 */
import type { Block } from "../document/block.ts";
import type { Page } from "../document/page.ts";

/** A line ending in a letter and a hyphen, and the letters of its last word before it. */
const HYPHENATED_END = /(\p{L}+)[-\u00ad\u2010]$/u;
/** The letters the next line starts with (lowercase: a capital after a hyphen is a name or compound). */
const CONTINUATION_START = /^(\p{Ll}+)/u;
const WORD = /\p{L}+(?:[-\u2010]\p{L}+)*/gu;
/**
 * Inflections and derivational suffixes that cannot stand as the second word of a compound. Hyphenation
 * leaves at least two letters on the new line and three before the break.
 */
const WORD_ENDING =
  /^(?:e?s|ed|ings?|ers?|est|ly|(?:a|i|u)?tions?|sions?|ments?|ness(?:es)?|ities|ity|ives?|ally|ances?|ences?|ables?|ibles?|ously|ous|ize[sd]?|izing|ised?|ising|isms?|ists?|ies|ied|ated|ating|ically|ical)$/u;
const MIN_HEAD = 3;

export function dehyphenate(pages: readonly Page[]): void {
  const words = new Set<string>();
  const hyphenated = new Set<string>();
  for (const page of pages)
    for (const block of page.blocks)
      for (const line of block.lines)
        for (const [word] of line.text.matchAll(WORD)) {
          const lower = word.toLowerCase();
          if (/[-\u2010]/u.test(lower)) hyphenated.add(lower.replace(/\u2010/gu, "-"));
          else words.add(lower);
        }
  for (const page of pages)
    page.blocks = page.blocks.map((block) =>
      block.type === "text" && block.code !== true ? joinBreaks(block, words, hyphenated) : block,
    );
}

function joinBreaks(block: Block, words: ReadonlySet<string>, hyphenated: ReadonlySet<string>): Block {
  let text = block.text;
  let from = 0;
  for (let index = 0; index + 1 < block.lines.length; index++) {
    const end = HYPHENATED_END.exec(block.lines[index]!.text);
    const start = CONTINUATION_START.exec(block.lines[index + 1]!.text);
    if (end === null || start === null) continue;
    const head = end[1]!;
    const tail = start[1]!;
    const joined = `${head}${tail}`.toLowerCase();
    const ending = head.length >= MIN_HEAD && WORD_ENDING.test(tail);
    if (!(words.has(joined) || ending) || hyphenated.has(`${head}-${tail}`.toLowerCase())) continue;
    // The break as paragraph grouping joined it: "eir-" directly followed by "mod".
    const broken = `${end[0]}${tail}`;
    const at = text.indexOf(broken, from);
    if (at < 0) continue;
    text = `${text.slice(0, at)}${head}${tail}${text.slice(at + broken.length)}`;
    from = at + head.length + tail.length;
  }
  return text === block.text ? block : { ...block, text };
}
