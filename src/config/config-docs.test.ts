import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { it } from "node:test";
import { replaceConfigTable } from "./config-docs.ts";

it("docs/CONFIGURATION.md lists every variable with its default (run scripts/generate-config-docs.ts)", async () => {
  const markdown = await readFile(new URL("../../docs/CONFIGURATION.md", import.meta.url), "utf8");
  assert.equal(markdown, replaceConfigTable(markdown));
});
