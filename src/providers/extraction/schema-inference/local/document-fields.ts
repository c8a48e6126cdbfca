/**
 * What a parsed document offers as fields, in reading order: labelled values ("Label: value" lines of
 * text and key_value blocks, a "Label:" block followed by its value block, label/value cells of tables)
 * and tables with a header row (each becomes an array of objects, one property per named column).
 * Page furniture, figures and prose are skipped; nothing is read from anywhere but the parse output.
 */
import type { Extend } from "extend-ai";
import type { DocumentField, ValueClassifier } from "./field-shapes.ts";
import { isValueLike, pairOf } from "./labelled-pair.ts";
import { readTable } from "./table-fields.ts";

const SKIPPED: ReadonlySet<string> = new Set([
  "page_number",
  "header",
  "footer",
  "figure",
  "barcode",
  "formula",
]);

export function documentFields(blocks: readonly Extend.Block[], classify: ValueClassifier): DocumentField[] {
  const fields: DocumentField[] = [];
  let heading: string | undefined;
  let pendingLabel: string | undefined;
  for (const block of blocks) {
    if (SKIPPED.has(block.type)) continue;
    if (block.type === "heading" || block.type === "section_heading") {
      heading = block.content.replace(/^#+\s*/u, "").trim();
      pendingLabel = undefined;
      continue;
    }
    const label = pendingLabel;
    pendingLabel = undefined;
    if (block.type === "table") {
      fields.push(...readTable(block.content, heading, classify));
      heading = undefined;
      continue;
    }
    heading = undefined;
    const keyValue = block.type === "key_value";
    const lines = block.content
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    const only = lines.length === 1 ? lines[0]! : undefined;
    if (label !== undefined && only !== undefined && pairOf(only) === undefined && isValueLike(only)) {
      fields.push({ kind: "pair", label, value: only });
      continue;
    }
    for (const line of lines) {
      const pair = pairOf(line);
      if (pair === undefined) continue;
      if (pair.value === "" && only !== undefined && !keyValue) {
        // "Account number:" alone in its block: the value is the next block.
        pendingLabel = pair.label;
        continue;
      }
      // An empty value in a key_value block is a blank form field: still a field.
      if (pair.value === "" && !keyValue) continue;
      fields.push({ kind: "pair", label: pair.label, value: pair.value });
    }
  }
  return fields;
}
