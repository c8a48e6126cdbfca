/**
 * Recognises the marker that opens a list item at the start of a line: a bullet glyph (•, –, *, ▪, and
 * the symbol-font bullets PDFs decode as control or private-use characters) or an enumerator (1. 2)
 * (3) a) (b) iv.), or a checkbox ("[x]" / "[ ]", see checkboxes.ts). Multi-level numbers such as "2.1" are section numbers, not list markers, and are left
 * to heading detection. Positions are in page points.
 */
import type { Line } from "../document/line.ts";
import { CHECKED, UNCHECKED } from "./checkboxes.ts";

export interface LineMarker {
  /** The marker as printed, e.g. "•", "1.", "a)"; for symbol-font bullets the decoded character(s). */
  readonly marker: string;
  readonly ordered: boolean;
  /** Left edge of the marker. */
  readonly markerStart: number;
  /** Where the item's text starts, after the marker: continuation lines of the item align here. */
  readonly textStart: number;
}

/** Bullet glyphs that stand alone before the item text. */
const BULLETS = new Set([..."•◦▪▫●○■□◆◇♦❖►▸▹▶▷‣⁃∙·⋅➢➣➤→⇒✓✔✗✘★☆-–—*+"]);
/** Bullet glyphs that double as arithmetic signs. */
const SIGNS = new Set([..."-–—+*"]);
/** Bullets that may touch the first word ("•Item"): only glyphs that are never part of a word. */
const ATTACHED_BULLETS = new Set([..."•◦▪▫●○■□◆◇♦❖►▸▹▶▷‣⁃∙➢➣➤✓✔"]);
/** Letters that symbol fonts (Wingdings, Symbol, Courier "o") use as bullet glyphs. */
const SYMBOL_FONT_LETTERS = new Set([..."olnqruvwxzØüèî§"]);
/**
 * Enumerators: arabic (1. 1) (1)), letters (a. a) (a) A)), roman numerals (iv. iv) (iv) IV.). An
 * uppercase letter with a period is left out: "J. Smith" starts far more lines than an "A." list does.
 */
const ENUMERATOR =
  /^(?:\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)]|\([a-z]\)|[A-Z]\)|\([A-Z]\)|[ivx]{1,5}[.)]|\([ivx]{1,5}\)|[IVX]{1,5}[.)]|\([IVX]{1,5}\))$/u;
/** Invisible or undecodable characters around symbol-font bullets. */
const CONTROL_OR_PRIVATE = /[\p{Cc}\p{Co}\p{Cf}]/gu;
/**
 * Ems of space a glyph of unknown meaning (control or private use) must leave before the item text to be
 * a bullet: symbol-font bullets stand apart like any bullet, a private-use bracket (Korean word
 * processors' 『 』) touches the word it encloses.
 */
const MIN_UNKNOWN_BULLET_GAP_EMS = 0.15;

/** The list marker that opens `line`, if any; only for horizontal left-to-right lines with item text. */
export function listMarker(line: Line): LineMarker | undefined {
  if (line.angle !== 0 || line.direction !== "ltr") return undefined;
  const [first, second] = line.words;
  if (first === undefined) return undefined;
  const rest = line.text.slice(first.text.length);
  if (second !== undefined && !/[\p{L}\p{N}]/u.test(rest)) return undefined;
  // A checkbox before its label opens a task-list item ("- [x] label"), docling's convention.
  if (second !== undefined && (first.text === CHECKED || first.text === UNCHECKED))
    return { marker: first.text, ordered: false, markerStart: first.box.left, textStart: second.box.left };
  // A dash or plus before figures only is a sign ("- 12", "+ 3.5%"), not a bullet.
  if (second !== undefined && SIGNS.has(first.text) && !/\p{L}/u.test(rest)) return undefined;
  if (second !== undefined) {
    const text = first.text;
    const core = text.replace(CONTROL_OR_PRIVATE, "");
    const apart = second.box.left - first.box.right >= MIN_UNKNOWN_BULLET_GAP_EMS * first.fontSize;
    const bullet =
      (core === "" && apart) ||
      (Array.from(core).length === 1 && BULLETS.has(core)) ||
      (core.length === 1 && SYMBOL_FONT_LETTERS.has(core) && first.fontId !== second.fontId);
    if (bullet || ENUMERATOR.test(text)) {
      return {
        marker: core === "" ? text : core,
        ordered: !bullet,
        markerStart: first.box.left,
        textStart: second.box.left,
      };
    }
  }
  // A bullet glued to the first word: its width is taken as an even share of the word's.
  const characters = Array.from(first.text);
  const glyph = characters[0]!;
  if (characters.length > 1 && ATTACHED_BULLETS.has(glyph) && /[\p{L}\p{N}]/u.test(characters[1]!)) {
    const share = (first.box.right - first.box.left) / characters.length;
    return { marker: glyph, ordered: false, markerStart: first.box.left, textStart: first.box.left + share };
  }
  return undefined;
}
