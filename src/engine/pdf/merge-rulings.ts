/**
 * Merges raw ruling segments into ruling lines: segments on (almost) the same row or column that touch
 * or nearly touch become one line, so a border drawn as many pieces (per cell, dashed, doubled strokes
 * a hair apart) reads as one. All distances are in page points.
 */
import type { Ruling, RulingOrientation } from "../document/ruling.ts";

/** Segments whose positions differ by at most this share one line (doubled or anti-aliased strokes). */
const POSITION_TOLERANCE = 1;
/** Pieces along one line separated by at most this gap join (dashes, per-cell borders that stop short). */
const JOIN_GAP = 3;
/** Merged lines shorter than this are glyph-like marks (ticks, bullets), not borders. */
const MIN_LENGTH = 4;
/** At most this many lines are kept per page (the longest): a drawing's hatching is not a table. */
const MAX_RULINGS = 4000;

export function mergeRulings(segments: readonly Ruling[]): Ruling[] {
  const merged = [...mergeOrientation(segments, "horizontal"), ...mergeOrientation(segments, "vertical")];
  if (merged.length <= MAX_RULINGS) return merged;
  return merged.sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, MAX_RULINGS);
}

function mergeOrientation(segments: readonly Ruling[], orientation: RulingOrientation): Ruling[] {
  const sorted = segments
    .filter((segment) => segment.orientation === orientation)
    .sort((a, b) => a.position - b.position);
  // Bands of segments whose positions chain within the tolerance of the band's first segment.
  const result: Ruling[] = [];
  let band: Ruling[] = [];
  for (const segment of sorted) {
    if (band.length > 0 && segment.position - band[0]!.position > POSITION_TOLERANCE) {
      result.push(...mergeBand(band, orientation));
      band = [];
    }
    band.push(segment);
  }
  if (band.length > 0) result.push(...mergeBand(band, orientation));
  return result;
}

/** Joins the intervals of one band; each line sits at the length-weighted mean position of its pieces. */
function mergeBand(band: Ruling[], orientation: RulingOrientation): Ruling[] {
  band.sort((a, b) => a.start - b.start);
  const lines: Ruling[] = [];
  let start = band[0]!.start;
  let end = band[0]!.end;
  let weighted = 0;
  let weight = 0;
  const close = () => {
    if (end - start >= MIN_LENGTH)
      lines.push({ orientation, position: weight > 0 ? weighted / weight : band[0]!.position, start, end });
  };
  for (const segment of band) {
    if (segment.start > end + JOIN_GAP) {
      close();
      start = segment.start;
      end = segment.end;
      weighted = 0;
      weight = 0;
    }
    end = Math.max(end, segment.end);
    const length = Math.max(segment.end - segment.start, 0.01);
    weighted += segment.position * length;
    weight += length;
  }
  close();
  return lines;
}
