/** `npm run bench -- <suite> [flags]`: runs bench/<suite>.bench.ts (see scripts/support/run-suite.ts). */
import { runSuite } from "../scripts/support/run-suite.ts";

export type { Suite as BenchSuite } from "../scripts/support/run-suite.ts";

process.exitCode = await runSuite(
  { folder: import.meta.dirname, suffix: ".bench.ts", command: "bench", document: "docs/BENCHMARKS.md" },
  process.argv.slice(2),
);
