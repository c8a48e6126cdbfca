/**
 * Precision/recall/F1 from counts, and the multiset intersection most matchers reduce to. Counts (not
 * ratios) are what gets summed across documents, so corpus figures are micro-averages.
 */

export interface Counts {
  /** Items in the prediction that match the ground truth. */
  readonly correct: number;
  readonly predicted: number;
  readonly expected: number;
}

export const NO_COUNTS: Counts = { correct: 0, predicted: 0, expected: 0 };

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    correct: a.correct + b.correct,
    predicted: a.predicted + b.predicted,
    expected: a.expected + b.expected,
  };
}

/** Precision is 0 when nothing was predicted (an engine that emits nothing scores 0, not "undefined"). */
export function precision(counts: Counts): number {
  return counts.predicted === 0 ? 0 : counts.correct / counts.predicted;
}

export function recall(counts: Counts): number {
  return counts.expected === 0 ? 0 : counts.correct / counts.expected;
}

export function f1(counts: Counts): number {
  const p = precision(counts);
  const r = recall(counts);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Size of the multiset intersection: each value matches at most as often as it occurs on both sides. */
export function multisetOverlap(expected: Iterable<string>, predicted: Iterable<string>): Counts {
  const remaining = new Map<string, number>();
  let expectedCount = 0;
  for (const value of expected) {
    remaining.set(value, (remaining.get(value) ?? 0) + 1);
    expectedCount++;
  }
  let correct = 0;
  let predictedCount = 0;
  for (const value of predicted) {
    predictedCount++;
    const left = remaining.get(value) ?? 0;
    if (left > 0) {
      correct++;
      remaining.set(value, left - 1);
    }
  }
  return { correct, predicted: predictedCount, expected: expectedCount };
}
