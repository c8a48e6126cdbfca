/**
 * `npm run eval -- <suite> [flags]`: runs eval/<suite>.eval.ts (parse now; ocr, office, extract later).
 * Suites are discovered from the folder, so adding one needs no change here; each exports `summary`
 * and `run(args)`, and takes --write to record its figures in docs/QUALITY.md.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface EvalSuite {
  /** One line for the usage message. */
  readonly summary: string;
  /** Runs the suite with the flags after its name; resolves to the process exit code. */
  run(args: readonly string[]): Promise<number>;
}

const SUFFIX = ".eval.ts";

async function listSuites(): Promise<string[]> {
  const entries = await readdir(import.meta.dirname);
  return entries
    .filter((name) => name.endsWith(SUFFIX))
    .map((name) => name.slice(0, -SUFFIX.length))
    .sort();
}

async function loadSuite(name: string): Promise<EvalSuite> {
  return (await import(pathToFileURL(path.join(import.meta.dirname, `${name}${SUFFIX}`)).href)) as EvalSuite;
}

async function usage(suites: readonly string[]): Promise<string> {
  const lines = ["usage: npm run eval -- <suite> [flags]", "", "suites:"];
  for (const name of suites) lines.push(`  ${name.padEnd(8)} ${(await loadSuite(name)).summary}`);
  lines.push("", "Each suite takes --help; --write records its figures in docs/QUALITY.md.");
  return lines.join("\n");
}

// npm forwards a literal "--" when called as `npm run eval -- parse -- --write`; it carries no meaning here.
const [suiteName, ...args] = process.argv.slice(2).filter((arg) => arg !== "--");
const suites = await listSuites();

if (suiteName === undefined || !suites.includes(suiteName)) {
  if (suiteName !== undefined && suiteName !== "--help" && suiteName !== "help") {
    process.stderr.write(`unknown suite: ${suiteName}\n\n`);
  }
  process.stderr.write(`${await usage(suites)}\n`);
  process.exitCode = suiteName === "--help" || suiteName === "help" ? 0 : 2;
} else {
  process.exitCode = await (await loadSuite(suiteName)).run(args);
}
