/**
 * Form field values as words (PDF AcroForm widgets, see document/form-field.ts), so a filled form reads as
 * filled: a checkbox or radio button becomes a "[x]" / "[ ]" word on its label's line (as drawn
 * checkboxes do, checkboxes.ts), a text field's value becomes words inside the field's box. A value the
 * page's text already shows inside the box (a form flattened over its fields) is not added twice, and
 * checkbox glyphs drawn under a widget give way to it.
 */
import { type Box, boxHeight, boxWidth, centreInside } from "../document/box.ts";
import type { FormField } from "../document/form-field.ts";
import type { Word } from "../document/word.ts";
import { CHECKED, checkboxWord, nearestLabel, UNCHECKED } from "./checkboxes.ts";

/** Font size of field text: a share of the box height, within these bounds (points). */
const MIN_FONT_SIZE = 6;
const MAX_FONT_SIZE = 12;
const LINE_HEIGHT = 1.2;
/** Left inset of field text (PDF viewers pad by 2 pt). */
const INSET = 2;
const FIELD_FONT = "form-field";
/** A fill-in blank, with a currency sign that may open it and the punctuation that may follow it. */
const BLANK = /^([\p{Sc}#]?)[_.\u2026]{3,}(\p{P}?)$/u;
/** Text this far (points) beside a field box can share its line. */
const ROW_REACH = 200;

export function withFormFields(words: readonly Word[], fields: readonly FormField[]): Word[] {
  let result = [...words];
  const added: Word[] = [];
  for (const field of fields) {
    const inside = result.filter((word) => boxWidth(field.box) > 0 && centreInside(word.box, field.box));
    if (field.kind === "checkbox") {
      // A glyph or mark under the widget is the same box drawn twice.
      const marks = inside.filter((word) => [...word.text].length <= 1 || isCheckboxText(word.text));
      if (marks.length > 0) result = result.filter((word) => !marks.includes(word));
      added.push(fieldCheckbox(field.checked, field.box, result));
      continue;
    }
    if (compact(inside.map((word) => word.text).join("")).includes(compact(field.text))) continue;
    const value = fieldText(field.text, field.box, result);
    // A single-line value written over a fill-in blank ("______") takes the blank's place and box, so the
    // line keeps its geometry; punctuation after the blank stays.
    const blank =
      value.length > 0 && !field.text.includes("\n") ? blankUnder(field.box, value[0]!, result) : undefined;
    if (blank === undefined) added.push(...value);
    else {
      const [, prefix, suffix] = BLANK.exec(blank.text)!;
      const text = `${prefix}${value.map((part) => part.text).join(" ")}${suffix}`;
      result = result.map((word) => (word === blank ? { ...word, text } : word));
    }
  }
  return added.length === 0 ? result : [...result, ...added];
}

function fieldCheckbox(checked: boolean, box: Box, words: readonly Word[]): Word {
  const label = nearestLabel(box, words, []);
  if (label !== undefined) return checkboxWord(checked, box, label);
  const size = Math.min(Math.max(boxHeight(box), MIN_FONT_SIZE), MAX_FONT_SIZE);
  return word(checked ? CHECKED : UNCHECKED, box.left, box.right, box.bottom - 0.2 * boxHeight(box), size);
}

/**
 * The value's words. A single-line value sits on the line of the text beside or inside the box (the
 * label and the underscores of "Name: ______"), in that text's font and size and after any label that
 * reaches into the box, so it joins that line; otherwise, and for multi-line values, lines run from the
 * top of the box, centred when there is one. Words are split on spaces.
 */
function fieldText(text: string, box: Box, words: readonly Word[]): Word[] {
  const lines = text.split(/\r\n|\r|\n/u).filter((line) => line.trim() !== "");
  const height = boxHeight(box);
  const row = lines.length === 1 ? rowWord(box, words) : undefined;
  const size =
    row?.fontSize ??
    Math.min(
      Math.max((lines.length === 1 ? 0.7 : 0.8 / lines.length) * height, MIN_FONT_SIZE),
      MAX_FONT_SIZE,
    );
  const firstBaseline =
    row?.baseline.y ??
    (lines.length === 1 ? box.top + (height + 0.5 * size) / 2 : box.top + INSET + 0.75 * size);
  // Labels reaching into the box push the value right.
  const labelEnd = Math.max(
    box.left + INSET,
    ...words
      .filter((word) => sameRow(word, firstBaseline) && /[\p{L}\p{N}]/u.test(word.text))
      .filter((word) => word.box.left < box.left + INSET && word.box.right > box.left)
      .map((word) => word.box.right + 0.5 * size),
  );
  const out: Word[] = [];
  for (const [index, line] of lines.entries()) {
    const baseline = firstBaseline + index * LINE_HEIGHT * size;
    let x = labelEnd;
    for (const part of line.split(/\s+/u)) {
      if (part === "") continue;
      const width = 0.5 * size * [...part].length;
      const placed = word(part, x, x + width, baseline, size);
      out.push(row === undefined ? placed : { ...placed, fontId: row.fontId, fontFamily: row.fontFamily });
      x += width + 0.5 * size;
    }
  }
  return out;
}

/** The horizontal word nearest the box whose baseline lies within the box's height: its line. */
function rowWord(box: Box, words: readonly Word[]): Word | undefined {
  let best: Word | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const word of words) {
    if (word.angle !== 0 || word.baseline.y < box.top || word.baseline.y > box.bottom) continue;
    const gap = Math.max(0, word.box.left - box.right, box.left - word.box.right);
    if (gap < bestGap) {
      best = word;
      bestGap = gap;
    }
  }
  return bestGap <= ROW_REACH ? best : undefined;
}

/** The blank word on the value's line that overlaps the field box most, if any. */
function blankUnder(box: Box, value: Word, words: readonly Word[]): Word | undefined {
  let best: Word | undefined;
  let bestOverlap = 0;
  for (const word of words) {
    if (!BLANK.test(word.text) || !sameRow(word, value.baseline.y)) continue;
    const overlap = Math.min(word.box.right, box.right) - Math.max(word.box.left, box.left);
    if (overlap > bestOverlap) {
      best = word;
      bestOverlap = overlap;
    }
  }
  return best;
}

function sameRow(word: Word, baseline: number): boolean {
  return word.angle === 0 && Math.abs(word.baseline.y - baseline) <= 0.3 * word.fontSize;
}

function word(text: string, left: number, right: number, baseline: number, size: number): Word {
  return {
    text,
    box: { left, top: baseline - 0.75 * size, right, bottom: baseline + 0.25 * size },
    baseline: { x: left, y: baseline },
    angle: 0,
    fontSize: size,
    fontId: FIELD_FONT,
    fontFamily: "sans-serif",
    direction: "ltr",
  };
}

function isCheckboxText(text: string): boolean {
  return text === CHECKED || text === UNCHECKED;
}

function compact(text: string): string {
  return text.replace(/\s+/gu, "").toLowerCase();
}
