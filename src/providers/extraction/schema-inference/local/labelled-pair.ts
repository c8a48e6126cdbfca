/** "Label: value" text: where a label ends and its value begins, and what counts as a value. */
import { cleanLabel, isLabelLike } from "./property-key.ts";

/** A value longer than this is a sentence that happens to follow a colon, not a field value. */
const MAX_VALUE_WORDS = 12;
const MAX_VALUE_CHARACTERS = 100;
/** "Label: value" on one line; `://` (URLs) excluded. */
const PAIR = /^(?<label>[^:：]{1,60}?)\s*[:：](?!\/\/)\s*(?<value>.*)$/u;

/** A "Label: value" text, when the label reads as a label and the value as a value (or is blank). */
export function pairOf(text: string): { label: string; value: string } | undefined {
  const match = PAIR.exec(text.trim());
  if (match?.groups === undefined) return undefined;
  const rawLabel = match.groups.label!.trim();
  // Digits right before the colon are a time or a ratio ("10:30", "1:2"), not a label.
  if (/\d$/u.test(rawLabel)) return undefined;
  const label = cleanLabel(rawLabel);
  const value = match.groups.value!.trim();
  if (!isLabelLike(label)) return undefined;
  if (value !== "" && !isValueLike(value)) return undefined;
  return { label, value };
}

export function isValueLike(text: string): boolean {
  return text.length <= MAX_VALUE_CHARACTERS && text.split(/\s+/u).length <= MAX_VALUE_WORDS;
}
