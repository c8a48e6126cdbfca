/**
 * The suite runner behind `npm run bench` and `npm run eval`: runs <folder>/<suite><suffix>, found by
 * listing the folder, so adding a suite needs no registration. Each suite module exports `summary` and
 * `run(args)`; an unknown or missing suite name prints the usage with every suite's summary.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface Suite {
  /** One line for the usage message. */
  readonly summary: string;
  /** Runs the suite with the flags after its name; resolves to the process exit code. */
  run(args: readonly string[]): Promise<number>;
}

export interface SuiteFolder {
  /** Folder holding the suite files. */
  readonly folder: string;
  /** ".bench.ts", ".eval.ts". */
  readonly suffix: string;
  /** "bench", "eval": the npm script name, for the usage line. */
  readonly command: string;
  /** Where `--write` records figures, for the usage line. */
  readonly document: string;
}

async function listSuites(where: SuiteFolder): Promise<string[]> {
  return (await readdir(where.folder))
    .filter((name) => name.endsWith(where.suffix))
    .map((name) => name.slice(0, -where.suffix.length))
    .sort();
}

function loadSuite(where: SuiteFolder, name: string): Promise<Suite> {
  return import(pathToFileURL(path.join(where.folder, `${name}${where.suffix}`)).href) as Promise<Suite>;
}

async function usage(where: SuiteFolder, suites: readonly string[]): Promise<string> {
  const lines = [`usage: npm run ${where.command} -- <suite> [flags]`, "", "suites:"];
  for (const name of suites) {
    // A suite that fails to load must not hide the others from the listing.
    const summary = await loadSuite(where, name).then(
      (suite) => suite.summary,
      (error: unknown) => `(does not load: ${(error as Error).message.split("\n")[0]})`,
    );
    lines.push(`  ${name.padEnd(8)} ${summary}`);
  }
  lines.push("", `Each suite takes --help; --write records its figures in ${where.document}.`);
  return lines.join("\n");
}

/** Runs the suite named by argv[0]; resolves to the process exit code. */
export async function runSuite(where: SuiteFolder, argv: readonly string[]): Promise<number> {
  // npm forwards a literal "--" when called as `npm run x -- suite -- --write`; it carries no meaning here.
  const [suiteName, ...args] = argv.filter((arg) => arg !== "--");
  const suites = await listSuites(where);
  if (suiteName !== undefined && suites.includes(suiteName))
    return (await loadSuite(where, suiteName)).run(args);
  const asked = suiteName === "--help" || suiteName === "help";
  if (suiteName !== undefined && !asked) process.stderr.write(`unknown suite: ${suiteName}\n\n`);
  process.stderr.write(`${await usage(where, suites)}\n`);
  return asked ? 0 : 2;
}
