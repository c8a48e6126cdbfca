/**
 * Deterministic pseudo-random integers for tests that sweep many inputs (a 32-bit linear congruential
 * sequence): the same seed gives the same sequence, so a failure reproduces.
 */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    // The high bits: the low ones of such a sequence repeat with short periods.
    return (state >>> 16) % below;
  };
}
