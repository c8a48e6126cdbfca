/**
 * `npm run bench -- extract`: the local extraction engine on the invoice2data PDFs — milliseconds per
 * page to parse (engine, one thread) and to extract (LocalFieldExtractor on the parse output), and the
 * share of the total each takes. Schemas are inferred from each invoice's expected JSON.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { inferSchemaFromValue, validateExtractionSchema } from "../src/domain/extraction-schema/index.ts";
import { parseDocument } from "../src/engine/pipeline/parse-document.ts";
import type { DocumentWord } from "../src/providers/extraction/field-extractor.ts";
import { LocalFieldExtractor } from "../src/providers/extraction/local/local-field-extractor.ts";
import { invoiceCases } from "../src/providers/extraction/local/test-support/invoice2data.ts";
import { CORPUS_ROOT } from "../src/providers/extraction/local/test-support/parsed-corpus.ts";
import { effectiveParseConfig } from "../src/services/parse/effective-parse-config.ts";

export const summary = "local extraction ms/page vs parse ms/page on invoice2data, and the share of each";

export async function run(): Promise<number> {
  const extractor = new LocalFieldExtractor();
  const config = effectiveParseConfig({ advancedOptions: { returnOcr: { words: true } } });
  let pages = 0;
  let parseMs = 0;
  let extractMs = 0;
  let documents = 0;
  for (const invoice of invoiceCases()) {
    if (!invoice.file.endsWith(".pdf")) continue;
    const bytes = new Uint8Array(await readFile(fileURLToPath(new URL(invoice.file, CORPUS_ROOT))));
    const parseStarted = performance.now();
    const outcome = await parseDocument(bytes, { format: "pdf", maxPages: 1000, chunking: "page", config });
    parseMs += performance.now() - parseStarted;
    if (outcome.status === "failure") continue;
    const words: DocumentWord[] = (outcome.output.ocr?.words ?? []).map((word) => ({
      content: word.content,
      pageNumber: word.pageNumber,
      boundingBox: {
        left: word.boundingBox.left ?? 0,
        top: word.boundingBox.top ?? 0,
        right: word.boundingBox.right ?? 0,
        bottom: word.boundingBox.bottom ?? 0,
      },
      confidence: word.confidence,
    }));
    const schema = validateExtractionSchema(inferSchemaFromValue(invoice.expected));
    const extractStarted = performance.now();
    await extractor.extract({
      schema,
      documents: [{ fileId: undefined, parse: outcome.output, words }],
      extractionRules: undefined,
      options: {
        citationsEnabled: true,
        citationMode: "line",
        arrayCitationStrategy: "item",
        modelReasoningInsightsEnabled: false,
        arrayStrategy: undefined,
      },
    });
    extractMs += performance.now() - extractStarted;
    pages += outcome.pageCount;
    documents++;
  }
  const total = parseMs + extractMs;
  process.stdout.write(
    [
      `${documents} invoices, ${pages} pages`,
      "| step | ms/page | share |",
      "| --- | --- | --- |",
      `| parse (engine, one thread) | ${(parseMs / pages).toFixed(1)} | ${((100 * parseMs) / total).toFixed(0)} % |`,
      `| extract (LocalFieldExtractor) | ${(extractMs / pages).toFixed(1)} | ${((100 * extractMs) / total).toFixed(0)} % |`,
      "",
    ].join("\n"),
  );
  return 0;
}
