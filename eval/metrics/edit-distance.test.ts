/** Tests for the bit-parallel Levenshtein: known pairs, and agreement with a plain dynamic programme. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { levenshtein, normalizedEditDistance } from "./edit-distance.ts";

function reference(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[t.length]!;
}

test("known distances", () => {
  assert.equal(levenshtein("kitten", "sitting"), 3);
  assert.equal(levenshtein("", "abc"), 3);
  assert.equal(levenshtein("abc", ""), 3);
  assert.equal(levenshtein("same", "same"), 0);
  assert.equal(levenshtein("flaw", "lawn"), 2);
});

test("counts astral characters once", () => {
  assert.equal(levenshtein("a😀b", "ab"), 1);
  assert.equal(normalizedEditDistance("😀", "x"), 1);
});

test("agrees with the plain dynamic programme across block boundaries", () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const alphabet = "abcde ";
  const word = (length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
  for (const [m, n] of [
    [31, 33],
    [32, 32],
    [33, 64],
    [64, 65],
    [100, 37],
    [1, 200],
    [150, 149],
  ] as const) {
    for (let round = 0; round < 5; round++) {
      const a = word(m);
      const b = word(n);
      assert.equal(levenshtein(a, b), reference(a, b), `${a} / ${b}`);
    }
  }
});

test("normalises by the longer string", () => {
  assert.equal(normalizedEditDistance("", ""), 0);
  assert.equal(normalizedEditDistance("abcd", "abxd"), 0.25);
  assert.equal(normalizedEditDistance("ab", "abcd"), 0.5);
});
