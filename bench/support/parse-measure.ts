/**
 * Child process of the parse bench: parses one file in this thread (one core) with the engine
 * (parse_performance, the default), the engine as parse_light, or raw pdf.js getTextContent, and prints
 * {pages, ms, cpuMs, maxRssMb} as its last line. CPU time (user + system of this process, which runs
 * pdf.js's worker in-thread) is the steadier figure on a shared machine. parse.bench.ts starts it with an
 * engine thread's young generation (--max-semi-space-size), so its peak RSS is what an engine thread's is.
 */
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { parseDocument } from "../../src/engine/pipeline/parse-document.ts";
import { effectiveParseConfig } from "../../src/services/parse/effective-parse-config.ts";

const [mode, file] = process.argv.slice(2);
const bytes = new Uint8Array(await readFile(file!));
const started = performance.now();
const cpuStarted = process.cpuUsage();
let pages = 0;
if (mode === "engine" || mode === "light") {
  const outcome = await parseDocument(bytes, {
    format: "pdf",
    maxPages: 100_000,
    chunking: "page",
    config: effectiveParseConfig(mode === "light" ? { engine: "parse_light" } : undefined),
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
const cpu = process.cpuUsage(cpuStarted);
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
process.stdout.write(`${JSON.stringify({ pages, ms: Math.round(ms), cpuMs, maxRssMb })}\n`);
