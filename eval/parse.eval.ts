/**
 * `npm run eval -- parse [--write] [--corpus <dir>]`: the PDF parse quality suite. Runs the engine and
 * the raw pdf.js baseline over docling-groundtruth, camelot, tabula-java, ICDAR 2013 and (spatial
 * target) pdfplumber's layout text, prints the
 * report, and with --write records it in docs/QUALITY.md.
 */

import { evaluateDocling } from "./parse/docling.ts";
import { evaluateIcdar } from "./parse/icdar.ts";
import { evaluateLayoutText } from "./parse/layout-text.ts";
import { renderReport } from "./parse/report.ts";
import { evaluateTables } from "./parse/tables.ts";
import { DEFAULT_CORPUS } from "./support/corpus.ts";
import { parseCorpusArgs } from "./support/corpus-args.ts";
import { provenance, QUALITY_DOC, writeQualitySection } from "./support/quality-doc.ts";

export const summary = "PDF text, reading order and tables vs docling, camelot, tabula, ICDAR 2013";

const USAGE = `usage: npm run eval -- parse [--write] [--corpus <dir>] [--quiet]

  --write          replace the parse section of docs/QUALITY.md with this run's figures
  --corpus <dir>   the shared corpus (default: ${DEFAULT_CORPUS})
  --quiet          no per-document progress on stderr`;

export async function run(args: readonly string[]): Promise<number> {
  const parsed = parseCorpusArgs(args, USAGE);
  if (typeof parsed === "number") return parsed;
  const { corpus, log } = parsed;
  const started = performance.now();
  const docling = await evaluateDocling(corpus, log);
  const tables = await evaluateTables(corpus, log);
  const icdar = await evaluateIcdar(corpus, log);
  const layoutText = await evaluateLayoutText(corpus, log);
  const report = renderReport(
    { docling, tables, icdar, layoutText, totalMs: performance.now() - started },
    provenance(),
  );
  process.stdout.write(report);
  if (args.includes("--write")) {
    await writeQualitySection("parse", report);
    log(`recorded in ${QUALITY_DOC}`);
  }
  return 0;
}
