/** The content-stream reader: numbers, names and operators, nothing else. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { readContentOperations } from "./content-tokens.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

it("reads operators with their number and name operands", () => {
  const operations = readContentOperations(
    bytes("q 1 0 0 -1 0 841.92 cm % note\n0 0 595 841 re W* n /a0 gs /x6 Do Q"),
  );
  assert.deepEqual(operations, [
    { operator: "q", operands: [] },
    { operator: "cm", operands: [1, 0, 0, -1, 0, 841.92] },
    { operator: "re", operands: [0, 0, 595, 841] },
    { operator: "W*", operands: [] },
    { operator: "n", operands: [] },
    { operator: "gs", operands: ["/a0"] },
    { operator: "Do", operands: ["/x6"] },
    { operator: "Q", operands: [] },
  ]);
  assert.deepEqual(readContentOperations(bytes(".5 -2. i")), [{ operator: "i", operands: [0.5, -2] }]);
});

it("gives up on strings, arrays, dictionaries and dangling operands", () => {
  assert.equal(readContentOperations(bytes("BT (Hello) Tj ET")), undefined);
  assert.equal(readContentOperations(bytes("[1 2] 0 d")), undefined);
  assert.equal(readContentOperations(bytes("/P <</MCID 0>> BDC")), undefined);
  assert.equal(readContentOperations(bytes("1 0 0 1 0 0")), undefined);
});
