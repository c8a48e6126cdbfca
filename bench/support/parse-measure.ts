/**
 * Child process of the parse bench: parses one file in this thread (one core) with the engine or with
 * raw pdf.js getTextContent, and prints {pages, ms, maxRssMb} as its last line.
 */
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { parseDocument } from "../../src/engine/pipeline/parse-document.ts";
import { effectiveParseConfig } from "../../src/services/parse/effective-parse-config.ts";

const [mode, file] = process.argv.slice(2);
const bytes = new Uint8Array(await readFile(file!));
const started = performance.now();
let pages = 0;
if (mode === "engine") {
  const outcome = await parseDocument(bytes, {
    format: "pdf",
    maxPages: 100_000,
    chunking: "page",
    config: effectiveParseConfig(undefined),
  });
  if (outcome.status === "failure") throw new Error(outcome.failureMessage);
  pages = outcome.pageCount;
} else {
  const document = await getDocument({ data: bytes, verbosity: 0 }).promise;
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    await page.getTextContent();
    page.cleanup();
  }
  pages = document.numPages;
  await document.cleanup();
}
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ pages, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
