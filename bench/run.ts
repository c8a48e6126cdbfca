/**
 * `npm run bench -- <suite> [flags]`: runs bench/<suite>.bench.ts. Suites are discovered from the
 * folder, so adding one needs no change here; each exports `summary` and `run(args)`.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface BenchSuite {
  /** One line for the usage message. */
  readonly summary: string;
  /** Runs the suite with the flags after its name; resolves to the process exit code. */
  run(args: readonly string[]): Promise<number>;
}

const SUFFIX = ".bench.ts";

async function listSuites(): Promise<string[]> {
  const entries = await readdir(import.meta.dirname);
  return entries
    .filter((name) => name.endsWith(SUFFIX))
    .map((name) => name.slice(0, -SUFFIX.length))
    .sort();
}

async function loadSuite(name: string): Promise<BenchSuite> {
  const url = pathToFileURL(path.join(import.meta.dirname, `${name}${SUFFIX}`)).href;
  return (await import(url)) as BenchSuite;
}

async function usage(suites: readonly string[]): Promise<string> {
  const lines = ["usage: npm run bench -- <suite> [flags]", "", "suites:"];
  for (const name of suites) {
    // A suite mid-edit elsewhere must not hide the others from the listing.
    const summary = await loadSuite(name).then(
      (suite) => suite.summary,
      (error: unknown) => `(does not load: ${(error as Error).message.split("\n")[0]})`,
    );
    lines.push(`  ${name.padEnd(8)} ${summary}`);
  }
  lines.push("", "Each suite takes --help; --write records its figures in docs/BENCHMARKS.md.");
  return lines.join("\n");
}

// npm forwards a literal "--" when called as `npm run bench -- api -- --write`; it carries no meaning here.
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
