/**
 * LocalSchemaInferrer on real invoices of the invoice2data corpus (read from ../shared/corpus, parsed by
 * the engine): the inferred schema names the invoice number, date and total with the right types, and
 * the local extractor fills it — non-null values cited on the page.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Extend } from "extend-ai";
import {
  type ExtendJsonSchema,
  type ExtendRootJsonSchema,
  validateExtractionSchema,
} from "../../../../domain/extraction-schema/index.ts";
import { LocalFieldExtractor } from "../../local/local-field-extractor.ts";
import {
  extractionDocument,
  type ParsedFile,
  parseCorpusFile,
} from "../../local/test-support/parsed-corpus.ts";
import { OPTIONS } from "../../local/test-support/synthetic.ts";
import { LocalSchemaInferrer } from "./local-schema-inferrer.ts";

const DIR = "invoice2data-invoices/compare/";

function kind(node: ExtendJsonSchema | undefined): string | undefined {
  if (node === undefined) return undefined;
  return node["extend:type"] ?? (Array.isArray(node.type) ? node.type[0] : node.type);
}

async function inferAndExtract(
  file: ParsedFile,
): Promise<{ schema: ExtendRootJsonSchema; output: Extend.ExtractOutputJson }> {
  const document = extractionDocument(file);
  const schema = await new LocalSchemaInferrer().infer({ documents: [document], instructions: undefined });
  const output = await new LocalFieldExtractor().extract({
    schema: validateExtractionSchema(schema),
    documents: [document],
    extractionRules: undefined,
    options: OPTIONS,
  });
  return { schema, output };
}

function assertFound(output: Extend.ExtractOutputJson, key: string): void {
  const value = output.value[key];
  assert.ok(value !== null && value !== undefined, `${key} has a value`);
  const citation = output.metadata[key]?.citations?.[0];
  assert.equal(citation?.page?.number, 1, `${key} is cited on page 1`);
}

describe("LocalSchemaInferrer on invoice2data invoices", () => {
  let aws: ParsedFile;
  let coolblue: ParsedFile;
  let azure: ParsedFile;
  before(async () => {
    [aws, coolblue, azure] = await Promise.all([
      parseCorpusFile(`${DIR}AmazonWebServices.pdf`),
      parseCorpusFile(`${DIR}coolblue1.pdf`),
      parseCorpusFile(`${DIR}AzureInterior.pdf`),
    ]);
  });

  it("AWS: invoice number (string), invoice date (date), total (currency), all extracted and cited", async () => {
    const { schema, output } = await inferAndExtract(aws);
    assert.equal(kind(schema.properties.invoice_number), "string");
    assert.equal(kind(schema.properties.invoice_date), "date");
    assert.equal(kind(schema.properties.total_for_this_invoice), "currency");
    assert.equal(output.value.invoice_number, "42183017");
    assert.equal(output.value.invoice_date, "2014-08-03");
    assert.deepEqual(output.value.total_for_this_invoice, { amount: 4.11, iso_4217_currency_code: "USD" });
    for (const key of ["invoice_number", "invoice_date", "total_for_this_invoice"]) assertFound(output, key);
  });

  it("coolblue (Dutch): factuurnummer, factuurdatum (date), line items with typed columns, totaal", async () => {
    const { schema, output } = await inferAndExtract(coolblue);
    assert.equal(kind(schema.properties.factuurnummer), "string");
    assert.equal(kind(schema.properties.factuurdatum), "date");
    assert.equal(kind(schema.properties.totaal), "currency");
    const items = schema.properties.line_items;
    assert.equal(items?.type, "array");
    assert.equal(kind(items?.items?.properties?.aantal), "number");
    assert.equal(kind(items?.items?.properties?.prijs_per_stuk), "currency");
    assert.equal(output.value.factuurdatum, "2014-04-19");
    assert.deepEqual(output.value.totaal, { amount: 717.97, iso_4217_currency_code: "EUR" });
    assert.ok((output.value.line_items as unknown[]).length >= 3);
    for (const key of ["factuurnummer", "factuurdatum", "totaal", "line_items"]) assertFound(output, key);
  });

  it("Azure Interior: dates and total from table cells, the item table as line_items", async () => {
    const { schema, output } = await inferAndExtract(azure);
    assert.equal(kind(schema.properties.invoice_date), "date");
    assert.equal(kind(schema.properties.due_date), "date");
    assert.equal(kind(schema.properties.total), "currency");
    assert.equal(schema.properties.line_items?.type, "array");
    assert.equal(output.value.invoice_date, "2023-03-20");
    assert.deepEqual(output.value.total, { amount: 279.84, iso_4217_currency_code: "USD" });
    for (const key of ["invoice_date", "due_date", "total", "line_items"]) assertFound(output, key);
  });
});
