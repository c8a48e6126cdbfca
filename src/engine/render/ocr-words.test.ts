import assert from "node:assert/strict";
import { it } from "node:test";
import { parseDocument } from "../pipeline/parse-document.ts";
import { textPdf } from "../test-support/pdf-fixtures.ts";

it("returns every word with its box, page and confidence when returnOcr.words is on", async () => {
  const bytes = await textPdf([
    { lines: [{ text: "Invoice number 42", x: 72, y: 700 }] },
    { lines: [{ text: "Total 9.50", x: 72, y: 700 }] },
  ]);
  const outcome = await parseDocument(bytes, {
    format: "pdf",
    maxPages: 10,
    chunking: "page",
    config: { advancedOptions: { returnOcr: { words: true } } },
  });
  if (outcome.status === "failure") throw new Error(outcome.failureMessage);
  assert.equal(outcome.status, "success");
  const words = outcome.output.ocr?.words ?? [];
  assert.deepEqual(
    words.map((word) => [word.content, word.pageNumber]),
    [
      ["Invoice", 1],
      ["number", 1],
      ["42", 1],
      ["Total", 2],
      ["9.50", 2],
    ],
  );
  const first = words[0]!;
  assert.equal(first.confidence, 1, "digital text is certain");
  assert.ok(first.boundingBox.left! >= 71 && first.boundingBox.left! < 75, "x from the PDF (points)");
  assert.ok(
    first.boundingBox.top! > 80 && first.boundingBox.bottom! < 100,
    "top-left origin: y = 792 - 700 ≈ 92",
  );
  const without = await parseDocument(await textPdf([{ lines: [{ text: "x", x: 72, y: 700 }] }]), {
    format: "pdf",
    maxPages: 10,
    chunking: "page",
  });
  assert.equal(without.status !== "failure" && without.output.ocr, undefined, "absent unless asked for");
});
