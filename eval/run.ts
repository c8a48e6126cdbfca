/** `npm run eval -- <suite> [flags]`: runs eval/<suite>.eval.ts (see scripts/support/run-suite.ts). */
import { runSuite } from "../scripts/support/run-suite.ts";

export type { Suite as EvalSuite } from "../scripts/support/run-suite.ts";

process.exitCode = await runSuite(
  { folder: import.meta.dirname, suffix: ".eval.ts", command: "eval", document: "docs/QUALITY.md" },
  process.argv.slice(2),
);
