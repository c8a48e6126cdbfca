/**
 * Form field values as words: checkboxes land on their label's line, text values sit on the label's line
 * (taking the place of a fill-in blank), values the page already shows are not doubled, and filled
 * corpus forms read as filled through the whole pipeline.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FormField } from "../document/form-field.ts";
import { parseDocument } from "../pipeline/parse-document.ts";
import { corpusFile } from "../test-support/pdf-fixtures.ts";
import { sentence, word } from "../test-support/words.ts";
import { withFormFields } from "./form-field-words.ts";
import { layoutPage } from "./layout-page.ts";

function lines(fields: FormField[], words = sentence("Name: ________ Married", 72, 100)): string[] {
  return layoutPage(withFormFields(words, fields)).lines.map((line) => line.text);
}

describe("form field words", () => {
  it("puts a widget checkbox on its label's line", () => {
    const words = [word("Married", 90, 100), word("Single", 90, 130)];
    const fields: FormField[] = [
      { kind: "checkbox", box: { left: 72, top: 91, right: 82, bottom: 101 }, checked: true },
      { kind: "checkbox", box: { left: 72, top: 121, right: 82, bottom: 131 }, checked: false },
    ];
    assert.deepEqual(lines(fields, words), ["[x] Married", "[ ] Single"]);
  });

  it("replaces a glyph drawn under the widget instead of doubling the box", () => {
    const words = [word("☐", 72, 100), word("Married", 90, 100)];
    const fields: FormField[] = [
      { kind: "checkbox", box: { left: 71, top: 91, right: 81, bottom: 101 }, checked: true },
    ];
    assert.deepEqual(lines(fields, words), ["[x] Married"]);
  });

  it("keeps one checkbox when the page also draws the square under the widget", () => {
    const words = [word("Married", 90, 100)];
    const box = { left: 72, top: 91, right: 82, bottom: 101 };
    const outline = { box, segments: 4, freeform: 0, stroked: true };
    for (const checked of [true, false]) {
      const merged = withFormFields(words, [{ kind: "checkbox", box, checked }]);
      const laid = layoutPage(merged, { paths: [outline], rulings: [] });
      assert.deepEqual(
        laid.lines.map((line) => line.text),
        [`${checked ? "[x]" : "[ ]"} Married`],
      );
    }
  });

  it("writes a text value over the blank it fills, on the label's line", () => {
    // "Name: " is 6 characters of 5 pt; the blank starts at x = 102.
    const fields: FormField[] = [
      { kind: "text", box: { left: 100, top: 88, right: 150, bottom: 104 }, text: "Ada Lovelace" },
    ];
    assert.deepEqual(lines(fields), ["Name: Ada Lovelace Married"]);
  });

  it("adds a value beside no text inside its box, and skips one the page already shows", () => {
    const fields: FormField[] = [
      {
        kind: "text",
        box: { left: 300, top: 300, right: 400, bottom: 316 },
        text: "42 Main St\nSpringfield",
      },
    ];
    assert.deepEqual(lines(fields, []), ["42 Main St", "Springfield"]);
    const shown = sentence("42 Main St", 302, 310);
    assert.deepEqual(
      withFormFields(shown, [{ kind: "text", box: fields[0]!.box, text: "42 Main St" }]),
      shown,
    );
  });
});

describe("filled AcroForm PDFs", () => {
  it("reads checked boxes as [x] task items and text field values where they are shown", async () => {
    const outcome = await parseDocument(corpusFile("forms-acroform/pdf-lib/sample_form.pdf"), {
      format: "pdf",
      maxPages: 5,
      chunking: "page",
    });
    assert.notEqual(outcome.status, "failure");
    if (outcome.status === "failure") return;
    const markdown = outcome.output.chunks.map((chunk) => chunk.content).join("\n");
    // fields.json: HIGH SCHOOL DIPLOMA on, TRADE CERTIFICATE off; radio "Sex" = MALE.
    assert.match(markdown, /^- \[x\] HIGH SCHOOL DIPLOMA$/mu);
    assert.match(markdown, /^- \[ \] TRADE CERTIFICATE$/mu);
    assert.match(markdown, /\[x\] MALE/u);
    assert.match(markdown, /\[ \] FEMALE/u);
    // Text fields: the value, formatted as the field displays it.
    for (const value of ["133 Tin Drive", "Timbuktu", "(123) 456-7890", "08/29/2020"])
      assert.ok(markdown.includes(value), value);
  });

  it("fills the blanks of a form whose fields have no appearance streams", async () => {
    const outcome = await parseDocument(
      corpusFile("forms-acroform/pypdfform/scenario/existed/test_illinois_gun_bill_of_sale.pdf"),
      { format: "pdf", maxPages: 5, chunking: "page" },
    );
    assert.notEqual(outcome.status, "failure");
    if (outcome.status === "failure") return;
    const markdown = outcome.output.chunks.map((chunk) => chunk.content).join("\n");
    assert.ok(markdown.includes("Buyer’s Name: John Doe"));
    assert.ok(markdown.includes("Make: AK"));
    assert.match(markdown, /^- \[x\] - Buyer is receiving the Firearm as a Gift\.$/mu);
  });
});
