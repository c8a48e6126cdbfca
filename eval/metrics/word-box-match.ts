/**
 * Word-level OCR scoring against ground truth with word boxes (FUNSD): a ground-truth word is found when
 * an OCR word has the same text (compared case-insensitively after normalisation) and a box overlapping
 * it with IoU ≥ 0.5. Matching is one-to-one, best IoU first. Recall is found / ground-truth words,
 * precision found / OCR words, and the mean IoU is over the matched pairs.
 */
import { type Box, iou } from "./region-match.ts";

export interface BoxedWord {
  readonly text: string;
  readonly box: Box;
}

export interface WordMatchCounts {
  readonly matched: number;
  readonly expected: number;
  readonly predicted: number;
  /** Sum of IoU over matched pairs. */
  readonly iouSum: number;
}

export const MIN_WORD_IOU = 0.5;

/** The comparison key: NFKC, lower case, without whitespace; punctuation counts like any character. */
export function wordKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
}

export function matchWords(expected: readonly BoxedWord[], predicted: readonly BoxedWord[]): WordMatchCounts {
  // Annotations include empty "words" (boxes around logos and checkmarks): nothing to read there.
  const truth = expected.filter((word) => wordKey(word.text) !== "");
  const found = predicted.filter((word) => wordKey(word.text) !== "");
  const pairs: Array<{ truth: number; found: number; overlap: number }> = [];
  found.forEach((word, foundIndex) => {
    const key = wordKey(word.text);
    truth.forEach((expectedWord, truthIndex) => {
      if (wordKey(expectedWord.text) !== key) return;
      const overlap = iou(expectedWord.box, word.box);
      if (overlap >= MIN_WORD_IOU) pairs.push({ truth: truthIndex, found: foundIndex, overlap });
    });
  });
  pairs.sort((a, b) => b.overlap - a.overlap);
  const usedTruth = new Set<number>();
  const usedFound = new Set<number>();
  let matched = 0;
  let iouSum = 0;
  for (const pair of pairs) {
    if (usedTruth.has(pair.truth) || usedFound.has(pair.found)) continue;
    usedTruth.add(pair.truth);
    usedFound.add(pair.found);
    matched++;
    iouSum += pair.overlap;
  }
  return { matched, expected: truth.length, predicted: found.length, iouSum };
}

export function addWordCounts(a: WordMatchCounts, b: WordMatchCounts): WordMatchCounts {
  return {
    matched: a.matched + b.matched,
    expected: a.expected + b.expected,
    predicted: a.predicted + b.predicted,
    iouSum: a.iouSum + b.iouSum,
  };
}
