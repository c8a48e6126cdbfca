/**
 * Levenshtein distance over Unicode code points, and the normalised form (distance / longer length) the
 * docling comparison reports. Uses Myers' bit-parallel algorithm in 32-row blocks (Hyyrö's extension),
 * O(n·m/32): the longest ground-truth document is ~31,000 characters, where a plain dynamic programme
 * would take about a billion cell updates per comparison.
 */

/** Edit distance (insert, delete, substitute; each costs 1) between `a` and `b`, by code point. */
export function levenshtein(a: string, b: string): number {
  // Code points → dense ids, so the per-block match masks live in a typed array, not a Map.
  const ids = new Map<number, number>();
  const pattern = denseIds(a, ids);
  const text = denseIds(b, ids);
  if (pattern.length === 0) return text.length;
  if (text.length === 0) return pattern.length;
  const n = text.length;
  // Horizontal deltas D[row][j] - D[row][j-1] along the bottom row of the previous block: +1 (hp), -1
  // (hm) or 0. Row 0 of the matrix is 0, 1, 2, … so every delta starts at +1.
  const hp = new Uint8Array(n).fill(1);
  const hm = new Uint8Array(n);
  const peq = new Int32Array(ids.size);
  let score = 0;
  for (let start = 0; start < pattern.length; start += 32) {
    const width = Math.min(32, pattern.length - start);
    for (let k = 0; k < width; k++) peq[pattern[start + k]!]! |= 1 << k;
    const last = 1 << (width - 1);
    // Vertical deltas in column 0 are all +1 (D[i][0] = i); score tracks D[start + width][j].
    let pv = -1;
    let mv = 0;
    score = start + width;
    for (let j = 0; j < n; j++) {
      const eq = peq[text[j]!]!;
      const pIn = hp[j]!;
      const mIn = hm[j]!;
      const xv = eq | mv;
      // A -1 delta entering from the block above behaves like a match on the block's first row.
      const eqh = eq | mIn;
      const xh = (((eqh & pv) + pv) ^ pv) | eqh;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if ((ph & last) !== 0) {
        score++;
        hp[j] = 1;
        hm[j] = 0;
      } else if ((mh & last) !== 0) {
        score--;
        hp[j] = 0;
        hm[j] = 1;
      } else {
        hp[j] = 0;
        hm[j] = 0;
      }
      ph = (ph << 1) | pIn;
      mh = (mh << 1) | mIn;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    for (let k = 0; k < width; k++) peq[pattern[start + k]!] = 0;
  }
  return score;
}

/** Levenshtein / max(length) in code points: 0 is identical, 1 shares nothing; two empty strings are 0. */
export function normalizedEditDistance(a: string, b: string): number {
  const longest = Math.max(codePointLength(a), codePointLength(b));
  return longest === 0 ? 0 : levenshtein(a, b) / longest;
}

function denseIds(text: string, ids: Map<number, number>): Int32Array {
  return Int32Array.from(text, (character) => {
    const codePoint = character.codePointAt(0)!;
    let id = ids.get(codePoint);
    if (id === undefined) {
      id = ids.size;
      ids.set(codePoint, id);
    }
    return id;
  });
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
