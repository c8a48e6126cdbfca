import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sentence, word } from "../test-support/words.ts";
import { type RunWords, withoutPartialOverprints } from "./overprint-runs.ts";

/** A run of `text` from `left` on `baseline`, its words laid out by test-support's proportions. */
function run(text: string, left: number, baseline: number, size = 10): RunWords {
  return { text, words: sentence(text, left, baseline, size).filter((w) => w.text !== "") };
}

const texts = (runs: readonly RunWords[]) => withoutPartialOverprints(runs).map((w) => w.text);

describe("withoutPartialOverprints", () => {
  it("drops glyph pieces drawn under the line they belong to, before or after it", () => {
    const whole = run("Specifies that the row permission", 100, 200);
    // "ifi" sits where the "ifi" of "Specifies" is drawn; "th t th" spans "that the" with glyphs missing.
    const pieces = [run("S", 100, 200), run("ifi", 125, 200), run("th t th", 150, 200)];
    assert.deepEqual(texts([...pieces, whole]), ["Specifies", "that", "the", "row", "permission"]);
    assert.deepEqual(texts([whole, ...pieces]), ["Specifies", "that", "the", "row", "permission"]);
  });

  it("keeps runs that only touch the line, sit on another baseline or size, or spell other text", () => {
    const whole = run("Hawai", 100, 200);
    const touching = { text: "i", words: [word("i", 125, 200)] };
    const superscript = { text: "1", words: [word("1", 110, 197, 6)] };
    const nextLine = run("Haw", 100, 212);
    const otherText = { text: "x", words: [word("x", 110, 200)] };
    assert.deepEqual(texts([whole, touching, superscript, nextLine, otherText]), [
      "Hawai",
      "i",
      "1",
      "Haw",
      "x",
    ]);
  });

  it("leaves an exact repeat to the line builder (fake bold), which marks the word kept bold", () => {
    assert.deepEqual(texts([run("Total", 100, 200), run("Total", 100.3, 200)]), ["Total", "Total"]);
  });
});
