/**
 * docs/BENCHMARKS.md upkeep shared by every suite: creates the file with its intro on first write and
 * replaces or appends one marked section per (suite, date, variant), so rerunning a suite on the same
 * day updates its figures instead of piling up near-duplicates.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  machineSummary,
  type Provenance,
  provenance as provenanceAt,
} from "../../scripts/support/provenance.ts";
import { REPO_ROOT } from "./quire-process.ts";

export const BENCHMARKS_DOC = path.join(REPO_ROOT, "docs", "BENCHMARKS.md");

export type { Provenance } from "../../scripts/support/provenance.ts";
export { machineSummary };

/** Date (UTC), commit (marked when src/ has uncommitted changes: only src/ decides the server's figures). */
export function provenance(): Provenance {
  return provenanceAt(REPO_ROOT, ["src"]);
}

const INTRO = `# Benchmarks

Throughput, latency and memory figures for Quire, produced by \`npm run bench -- <suite> [--write]\`.
\`--write\` adds or updates a dated section below; without it a suite only prints its table.
Benchmarks are not CI gates: the figures come from whatever machine ran them.

| suite | measures | run |
| --- | --- | --- |
| \`api\` | Files API on a real server process: seeding rate (uploads/s), GET /files/{id}, GET /files?maxPageSize=10 and GET /healthz (no-DB baseline) at saturation and at a fixed 1,000 requests/s, peak RSS; PGlite and PostgreSQL | \`npm run bench -- api [--db pglite\\|postgres\\|both] [--duration 10] [--files 10000] [--ref COMMIT] [--write]\` |
| \`runs\` (planned) | run throughput: create → queue → worker → PROCESSED, end to end | \`npm run bench -- runs\` |
| \`parse\` | the document engine in one thread: pages/s per CPU second (parse_performance and parse_light) on long text-only, text + figures and table-heavy PDFs, each ÷ raw pdf.js getTextContent on the same file; peak RSS on 500 pages | \`npm run bench -- parse [--pages 300] [--write]\` |
| \`ocr\` (planned) | OCR engines: pages/s and memory | \`npm run bench -- ocr\` |

\`npm run bench\` alone lists the suites; each takes \`--help\`. The api suite also takes \`--cpu-prof\`,
which profiles the server and prints where its CPU went during each endpoint's measurement, and
\`--ref COMMIT\`, which runs the server from a clean export of that commit (a shared checkout is often
mid-edit). Before each measurement it waits up to 20 s for other processes to go quiet.

## Reading the figures

- The reference machine is small and shared: ${machineSummary()}.
  The load generator runs on the same two cores as the server, so it takes CPU from it.
- Figures are noisy from run to run (other processes, CPU frequency, GC timing). Compare ratios
  *within one run* (e.g. GET /files/{id} p99 ÷ GET /healthz p99) rather than absolute numbers across runs.
  Server CPU per request is the steadiest figure; the event loop's wait for a core (from
  \`/proc/<pid>/task/<pid>/schedstat\`) shows how contended the machine was while latencies were taken.
- Each section records the date, the commit (\`git rev-parse --short HEAD\`) and the database kind.

## Results
`;

/**
 * Writes \`body\` under a heading and between markers keyed by suite, date and variant: an existing
 * section with the same key is replaced in place, otherwise the section is appended.
 */
export async function upsertSection(
  suite: string,
  variant: string,
  heading: string,
  body: string,
  date: string,
): Promise<void> {
  const key = `${suite}:${date}:${variant}`;
  const begin = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const section = `${begin}\n### ${heading}\n\n${body.trim()}\n${end}\n`;
  await mkdir(path.dirname(BENCHMARKS_DOC), { recursive: true });
  const current = existsSync(BENCHMARKS_DOC) ? await readFile(BENCHMARKS_DOC, "utf8") : INTRO;
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  const next =
    start !== -1 && stop > start
      ? current.slice(0, start) + section + current.slice(stop + end.length + 1)
      : `${current.trimEnd()}\n\n${section}`;
  await writeFile(BENCHMARKS_DOC, next);
}
