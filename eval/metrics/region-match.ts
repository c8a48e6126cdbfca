/**
 * Table detection scores. Boxes are in page points with a top-left origin (the engine's frame; ground
 * truth is converted before it gets here). Two views:
 * - regions: one-to-one matching per page, greedily by IoU, a pair counting when IoU ≥ 0.5;
 * - characters: the ICDAR 2013 location measure on sub-objects — a character (its centre) is
 *   expected when inside a ground-truth region, predicted when inside a detected one, correct when
 *   both; plus how many ground-truth regions are complete (all their characters detected within one
 *   region) and how many detected regions are pure (no characters from outside one ground-truth region).
 */
import type { Counts } from "./scores.ts";

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface PageRegion {
  /** 1-based. */
  readonly page: number;
  readonly box: Box;
}

export interface PagePoint {
  readonly page: number;
  readonly x: number;
  readonly y: number;
}

export const IOU_THRESHOLD = 0.5;

function area(box: Box): number {
  return Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top);
}

export function intersectionArea(a: Box, b: Box): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width <= 0 || height <= 0 ? 0 : width * height;
}

export function iou(a: Box, b: Box): number {
  const shared = intersectionArea(a, b);
  const union = area(a) + area(b) - shared;
  return union <= 0 ? 0 : shared / union;
}

/** Regions matched one-to-one (same page, IoU ≥ threshold, best pairs first). */
export function matchRegions(expected: readonly PageRegion[], predicted: readonly PageRegion[]): Counts {
  const pairs: { e: number; p: number; overlap: number }[] = [];
  expected.forEach((truth, e) => {
    predicted.forEach((guess, p) => {
      if (truth.page !== guess.page) return;
      const overlap = iou(truth.box, guess.box);
      if (overlap >= IOU_THRESHOLD) pairs.push({ e, p, overlap });
    });
  });
  pairs.sort((a, b) => b.overlap - a.overlap);
  const usedE = new Set<number>();
  const usedP = new Set<number>();
  for (const pair of pairs) {
    if (usedE.has(pair.e) || usedP.has(pair.p)) continue;
    usedE.add(pair.e);
    usedP.add(pair.p);
  }
  return { correct: usedE.size, predicted: predicted.length, expected: expected.length };
}

export interface CharacterScores {
  readonly characters: Counts;
  readonly completeRegions: number;
  readonly pureRegions: number;
}

/** `tolerance` (points) widens every box: ground-truth coordinates are whole points. */
export function scoreCharacters(
  expected: readonly PageRegion[],
  predicted: readonly PageRegion[],
  characters: readonly PagePoint[],
  tolerance = 1,
): CharacterScores {
  const inside = (point: PagePoint, region: PageRegion) =>
    point.page === region.page &&
    point.x >= region.box.left - tolerance &&
    point.x <= region.box.right + tolerance &&
    point.y >= region.box.top - tolerance &&
    point.y <= region.box.bottom + tolerance;
  const truthOf = characters.map((point) => expected.findIndex((region) => inside(point, region)));
  const guessOf = characters.map((point) => predicted.findIndex((region) => inside(point, region)));
  let correct = 0;
  let predictedCount = 0;
  let expectedCount = 0;
  characters.forEach((_, index) => {
    const truth = truthOf[index]!;
    const guess = guessOf[index]!;
    if (truth >= 0) expectedCount++;
    if (guess >= 0) predictedCount++;
    if (truth >= 0 && guess >= 0) correct++;
  });
  let completeRegions = 0;
  expected.forEach((_, e) => {
    const mine = guessOf.filter((_, index) => truthOf[index] === e);
    if (mine.length > 0 && mine.every((guess) => guess >= 0 && guess === mine[0])) completeRegions++;
  });
  let pureRegions = 0;
  predicted.forEach((_, p) => {
    const mine = truthOf.filter((_, index) => guessOf[index] === p);
    if (mine.length > 0 && mine.every((truth) => truth >= 0 && truth === mine[0])) pureRegions++;
  });
  return {
    characters: { correct, predicted: predictedCount, expected: expectedCount },
    completeRegions,
    pureRegions,
  };
}
