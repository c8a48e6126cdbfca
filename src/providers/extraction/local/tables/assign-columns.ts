/**
 * Assigns item properties to table columns so the total header-match score is highest (each column to
 * at most one property and vice versa) — the Hungarian method, since greedy choice fails on ties such as
 * "Artikel" being both a product code and a description header when "Omschrijving" is also there.
 */

/** `scores[property][column]` ≥ 0; returns the column of each property, or undefined (0 means no match). */
export function assignColumns(scores: readonly (readonly number[])[]): (number | undefined)[] {
  const properties = scores.length;
  const columns = scores[0]?.length ?? 0;
  if (properties === 0 || columns === 0) return new Array<number | undefined>(properties).fill(undefined);
  const size = Math.max(properties, columns);
  // Minimise cost = max − score on a square matrix padded with zeros.
  let maximum = 0;
  for (const row of scores) for (const score of row) maximum = Math.max(maximum, score);
  const cost = (i: number, j: number) => maximum - (scores[i]?.[j] ?? 0);
  const u = new Array<number>(size + 1).fill(0);
  const v = new Array<number>(size + 1).fill(0);
  const match = new Array<number>(size + 1).fill(0);
  const way = new Array<number>(size + 1).fill(0);
  for (let i = 1; i <= size; i++) {
    match[0] = i;
    let j0 = 0;
    const minimum = new Array<number>(size + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(size + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = match[j0]!;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= size; j++) {
        if (used[j]) continue;
        const current = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (current < minimum[j]!) {
          minimum[j] = current;
          way[j] = j0;
        }
        if (minimum[j]! < delta) {
          delta = minimum[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= size; j++) {
        if (used[j]) {
          u[match[j]!] = u[match[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minimum[j] = minimum[j]! - delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0]!;
      match[j0] = match[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number | undefined>(properties).fill(undefined);
  for (let j = 1; j <= size; j++) {
    const i = match[j]! - 1;
    if (i >= 0 && i < properties && j - 1 < columns && (scores[i]?.[j - 1] ?? 0) > 0) result[i] = j - 1;
  }
  return result;
}
