/**
 * String similarity for fuzzy matching (labels with OCR noise, enum values, table headers). Scores are
 * 0–1; callers compare folded text so case and accents never count as differences.
 */

/** Levenshtein distance, with an early exit once it must exceed `limit` (returns limit + 1 then). */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** 1 − distance / longer length. */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}

/**
 * Similarity of two word lists: each word of `a` is paired with its most similar word of `b`
 * (exact = 1, close spelling counts partly); the mean over both sides, so extra words cost.
 */
export function wordSetSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const best = (word: string, others: readonly string[]): number => {
    let score = 0;
    for (const other of others) {
      if (other === word) return 1;
      if (word.length >= 4 && other.length >= 4) score = Math.max(score, fuzzyWordScore(word, other));
    }
    return score;
  };
  let sumA = 0;
  for (const word of a) sumA += best(word, b);
  let sumB = 0;
  for (const word of b) sumB += best(word, a);
  return (sumA / a.length + sumB / b.length) / 2;
}

/** Close spellings of one word (OCR slips, plural/singular, a shared stem); 0 when unrelated. */
export function fuzzyWordScore(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  // "qty" vs "quantity" is not spelling noise; only words of some length share stems meaningfully.
  if (shorter.length >= 4 && longer.startsWith(shorter)) return 0.75;
  const similarity = editSimilarity(a, b);
  return similarity >= 0.8 ? similarity * 0.9 : 0;
}
