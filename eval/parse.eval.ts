/**
 * `npm run eval -- parse [--write] [--corpus <dir>]`: the PDF parse quality suite. Runs the engine and
 * the raw pdf.js baseline over docling-groundtruth, camelot, tabula-java and ICDAR 2013, prints the
 * report, and with --write records it in docs/QUALITY.md.
 */
import { evaluateDocling } from "./parse/docling.ts";
import { evaluateIcdar } from "./parse/icdar.ts";
import { renderReport } from "./parse/report.ts";
import { evaluateTables } from "./parse/tables.ts";
import { DEFAULT_CORPUS } from "./support/corpus.ts";
import { provenance, QUALITY_DOC, writeQualitySection } from "./support/quality-doc.ts";

export const summary = "PDF text, reading order and tables vs docling, camelot, tabula, ICDAR 2013";

const USAGE = `usage: npm run eval -- parse [--write] [--corpus <dir>] [--quiet]

  --write          replace the parse section of docs/QUALITY.md with this run's figures
  --corpus <dir>   the shared corpus (default: ${DEFAULT_CORPUS})
  --quiet          no per-document progress on stderr`;

export async function run(args: readonly string[]): Promise<number> {
  if (args.includes("--help")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let corpus = DEFAULT_CORPUS;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--corpus" && args[index + 1] !== undefined) corpus = args[++index]!;
    else if (arg !== "--write" && arg !== "--quiet") {
      process.stderr.write(`unknown flag: ${arg}\n\n${USAGE}\n`);
      return 2;
    }
  }
  const log = args.includes("--quiet") ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const docling = await evaluateDocling(corpus, log);
  const tables = await evaluateTables(corpus, log);
  const icdar = await evaluateIcdar(corpus, log);
  const report = renderReport({ docling, tables, icdar, totalMs: performance.now() - started }, provenance());
  process.stdout.write(report);
  if (args.includes("--write")) {
    await writeQualitySection("parse", report);
    log(`recorded in ${QUALITY_DOC}`);
  }
  return 0;
}
