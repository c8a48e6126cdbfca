/**
 * Whether horizontal text lines stand the right way up or upside down, from the ink alone (no OCR): in
 * Latin script, ascenders (b d f h k l t, capitals, digits) rise above the x-height band far more often than
 * descenders (g j p q y) drop below the baseline, so a line's ink above its dense core outweighs the ink
 * below it; turned 180° the two swap. Leptonica's up-down test rests on the same asymmetry. Used to decide
 * which way a page is read first (orient-page.ts); that reading still has to read well to settle it, so a
 * wrong call costs a read, never a wrong page.
 */
import type { GrayImage } from "./ocr-engine.ts";
import { grayHistogram, inkLevel } from "./text-line-profile.ts";

export interface UpDownEvidence {
  /** Text lines whose profile could be split into an ascender zone, a core and a descender zone. */
  readonly lines: number;
  /** Lines with clearly more ink above their core than below, and the other way round. */
  readonly upLines: number;
  readonly downLines: number;
  /** Ink pixels above the cores and below them, over all those lines. */
  readonly above: number;
  readonly below: number;
}

export type UpDownCall = "up" | "down" | "unclear";

// Width of the vertical strips profiled apart: narrow enough that one column's lines do not blur with the
// next column's, wide enough to hold several words.
const STRIP_INCHES = 1.5;
// A row belongs to a line's core when it holds this share of the line's densest row.
const CORE_SHARE = 0.5;
// A line votes when one side has this many times the other's ink (and some of it at all).
const LINE_VOTE_RATIO = 1.6;
// Lines too short to have three zones, or so tall they are not one line of text (a picture, a rule box).
const MIN_LINE_ROWS = 5;
const MAX_CORE_SHARE_OF_LINE = 0.85;
// A zone counts only when it reaches this share of the core's height out of it: ascenders and descenders
// reach ~0.4 of the x-height, commas and brackets below capitals and digits ~0.2 of their height.
const MIN_ZONE_SHARE_OF_CORE = 0.3;
// The call needs this many voting lines, or fewer (a short page) when they are a fair share of all lines
// (a table of capitals and digits has hundreds of line pieces and a handful of votes), and this majority.
const MIN_VOTES = 8;
const MIN_VOTES_SHORT_PAGE = 4;
const MIN_VOTING_SHARE_SHORT_PAGE = 0.25;
const MAJORITY = 0.75;

/**
 * Measures `image` (grey, lines running across, `skewDegrees` clockwise slant as text-line-profile's
 * findSkew reports it) at `dpi`.
 */
export function upDownEvidence(image: GrayImage, skewDegrees: number, dpi: number): UpDownEvidence {
  const { width, height, gray } = image;
  const evidence = { lines: 0, upLines: 0, downLines: 0, above: 0, below: 0 };
  const threshold = inkLevel(grayHistogram(image));
  if (threshold === undefined) return evidence;
  const stripWidth = Math.max(32, Math.round(STRIP_INCHES * dpi));
  const slope = Math.tan((skewDegrees * Math.PI) / 180);
  // Rows are counted along the slant: a pixel at x sits on the row it would have on a level page.
  const margin = Math.ceil(Math.abs(slope) * stripWidth) + 1;
  const rows = height + 2 * margin;
  const profile = new Uint32Array(rows);
  // Strips are laid out from the middle, so the page turned half round is cut at the same places.
  const strips = Math.ceil(width / stripWidth);
  const offset = Math.round((strips * stripWidth - width) / 2);
  for (let strip = 0; strip < strips; strip++) {
    const stripLeft = Math.max(0, strip * stripWidth - offset);
    const stripRight = Math.min(width, (strip + 1) * stripWidth - offset);
    const centre = (stripLeft + stripRight) / 2;
    profile.fill(0);
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let x = stripLeft; x < stripRight; x++) {
        if (gray[row + x]! > threshold) continue;
        profile[Math.round(y - (x - centre) * slope) + margin]!++;
      }
    }
    addProfileEvidence(profile, evidence);
  }
  return evidence;
}

/** The call the evidence supports; "unclear" for capitals-only text, digits, pictures, or too few lines. */
export function upDownCall(evidence: UpDownEvidence): UpDownCall {
  const votes = evidence.upLines + evidence.downLines;
  const enough =
    votes >= MIN_VOTES ||
    (votes >= MIN_VOTES_SHORT_PAGE && votes >= MIN_VOTING_SHARE_SHORT_PAGE * evidence.lines);
  if (!enough) return "unclear";
  if (evidence.upLines >= MAJORITY * votes && evidence.above > evidence.below) return "up";
  if (evidence.downLines >= MAJORITY * votes && evidence.below > evidence.above) return "down";
  return "unclear";
}

/** Adds the lines of one strip's row profile to `evidence`. */
function addProfileEvidence(profile: Uint32Array, evidence: Mutable<UpDownEvidence>): void {
  // A run of rows with ink, between blank rows, is a line (or lines touching, weeded out below).
  let start = -1;
  for (let row = 0; row <= profile.length; row++) {
    const inked = row < profile.length && profile[row]! > 0;
    if (inked && start < 0) start = row;
    if (inked || start < 0) continue;
    const line = lineZones(profile, start, row);
    start = -1;
    if (line === undefined) continue;
    evidence.lines++;
    evidence.above += line.above;
    evidence.below += line.below;
    if (line.above >= LINE_VOTE_RATIO * line.below && line.above > 0) evidence.upLines++;
    else if (line.below >= LINE_VOTE_RATIO * line.above && line.below > 0) evidence.downLines++;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Ink above and below the dense core of rows [start, end), or undefined when they are not one text line. */
function lineZones(
  profile: Uint32Array,
  start: number,
  end: number,
): { readonly above: number; readonly below: number } | undefined {
  if (end - start < MIN_LINE_ROWS) return undefined;
  let peak = 0;
  for (let row = start; row < end; row++) peak = Math.max(peak, profile[row]!);
  const floor = CORE_SHARE * peak;
  let coreTop = start;
  while (profile[coreTop]! < floor) coreTop++;
  let coreBottom = end - 1;
  while (profile[coreBottom]! < floor) coreBottom--;
  // A core with weak rows inside is two lines touching, or not text.
  for (let row = coreTop; row <= coreBottom; row++) if (profile[row]! < floor / 2) return undefined;
  if (coreBottom - coreTop + 1 > MAX_CORE_SHARE_OF_LINE * (end - start)) return { above: 0, below: 0 };
  const minZone = MIN_ZONE_SHARE_OF_CORE * (coreBottom - coreTop + 1);
  let above = 0;
  if (coreTop - start >= minZone) for (let row = start; row < coreTop; row++) above += profile[row]!;
  let below = 0;
  if (end - 1 - coreBottom >= minZone)
    for (let row = coreBottom + 1; row < end; row++) below += profile[row]!;
  return { above, below };
}
