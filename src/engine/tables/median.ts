/** The middle value (the upper one of an even count) of `values`; 0 for none. Table geometry in points. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
