/**
 * Periods printed as a range — "du 1er au 31 Juillet 2015", "July 1 - July 31, 2014", "01/05/2014 - 31/05/2014",
 * "from 3 March to 2 April 2024" — as start and end dates. The end is a whole date; the start may leave
 * out what it shares with the end (its year, its month), which it then takes from the end.
 */
import { type DateMatch, type DateOrder, findDates, isoDate, monthOf } from "./dates.ts";

export interface DateRange {
  readonly start: DateMatch;
  readonly end: DateMatch;
}

/** Words between the two ends of a range, in the lexicon's languages. */
const CONNECTOR = String.raw`(?:-|–|—|to|till|until|through|thru|au|a|jusqu'au|bis|tot|t\/m|al|hasta|do)`;
/** The start's day, written "1", "1er", "1st", "1." — optionally with its month before or after. */
const PARTIAL_START = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(\p{L}{3,12})\.?\s+)?(\d{1,2})(?:er|st|nd|rd|th|\.)?(?:\s+(\p{L}{3,12})\.?)?\s*${CONNECTOR}\s*$`,
  "iu",
);

export function findDateRanges(text: string, order: DateOrder): DateRange[] {
  const dates = findDates(text, order);
  const ranges: DateRange[] = [];
  dates.forEach((end, index) => {
    const previous = dates[index - 1];
    const before = text.slice(previous?.end ?? 0, end.start);
    // Two whole dates joined by a connector.
    if (previous !== undefined && new RegExp(String.raw`^\s*${CONNECTOR}\s*$`, "iu").test(before)) {
      if (previous.iso <= end.iso) ranges.push({ start: previous, end });
      return;
    }
    const match = PARTIAL_START.exec(before);
    if (match === null) return;
    const [year, endMonth] = end.iso.split("-").map(Number) as [number, number];
    // A word before the day is the start's month only if it names one ("July 1", not "from 1").
    const monthBefore = match[1] !== undefined && monthOf(match[1]) !== undefined;
    const named = match[3] ?? (monthBefore ? match[1] : undefined);
    const month = named === undefined ? endMonth : monthOf(named);
    if (month === undefined) return;
    const iso = isoDate(year, month, Number(match[2]));
    if (iso === undefined || iso > end.iso) return;
    const skipped = match[1] !== undefined && !monthBefore ? match[0].indexOf(match[2]!, match[1].length) : 0;
    const offset = (previous?.end ?? 0) + match.index + skipped;
    const startText = match[0].slice(skipped).replace(new RegExp(String.raw`\s*${CONNECTOR}\s*$`, "iu"), "");
    ranges.push({
      start: { iso, start: offset, end: offset + startText.length, ambiguous: false },
      end,
    });
  });
  return ranges;
}
