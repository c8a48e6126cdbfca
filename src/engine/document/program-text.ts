/**
 * Whether text reads as program text (a code listing) rather than prose, a table or a receipt, and
 * whether a font is a monospace one by its name. Shared by the PDF layout (layout/code-blocks.ts) and the
 * Word reader, so a listing is told apart the same way in every format.
 */

/**
 * Characters programs are full of and prose, tables and receipts are not: parentheses, brackets, +, %, $,
 * # and * are left out (asides, prices, item numbers and masked numbers use them).
 */
const PROGRAM_SYMBOLS = /[{};=_<>\\|^~`/]/gu;
/** Slashes that are not program text: web addresses, and dates and fractions (12/31/99, 1/2). */
const NOT_PROGRAM = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+|\d+\/\d+(?:\/\d+)?/giu;
/** At least this share of the non-space characters are program punctuation. */
const MIN_SYMBOL_SHARE = 0.02;

export function readsAsProgramText(text: string): boolean {
  const kept = text.replace(NOT_PROGRAM, "");
  const visible = kept.replace(/\s/gu, "").length;
  const symbols = kept.match(PROGRAM_SYMBOLS)?.length ?? 0;
  return visible > 0 && symbols >= MIN_SYMBOL_SHARE * visible;
}

const MONOSPACE_FONT =
  /courier|consolas|mono|menlo|monaco|lucida (?:console|sans typewriter)|source code|inconsolata|fira code|andale|fixedsys|letter gothic|prestige elite|typewriter|cascadia|\bhack\b|ocr[- ]?[ab]\b/iu;

/** A monospace typeface by its family or PostScript name ("Courier New", "Consolas", "DejaVuSansMono"). */
export function isMonospaceFontName(name: string | undefined): boolean {
  return name !== undefined && MONOSPACE_FONT.test(name);
}
