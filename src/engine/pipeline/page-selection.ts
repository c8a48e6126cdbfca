/**
 * advancedOptions.pageRanges: which pages of the document a parse reads. Ranges are 1-based and
 * inclusive; they are merged, sorted and clipped to the document, so overlaps and out-of-range pages are
 * harmless.
 */
import type { Extend } from "extend-ai";

/** The original page numbers to read, ascending; every page when there are no ranges. */
export function selectPages(
  ranges: readonly Extend.PageRangesItem[] | undefined,
  pageCount: number,
): number[] {
  if (ranges === undefined || ranges.length === 0) {
    return Array.from({ length: pageCount }, (_, index) => index + 1);
  }
  const selected = new Set<number>();
  for (const { start, end } of ranges) {
    for (let number = Math.max(1, start); number <= Math.min(pageCount, end); number++) selected.add(number);
  }
  return [...selected].sort((a, b) => a - b);
}
