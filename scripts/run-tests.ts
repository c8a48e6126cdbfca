/**
 * Test runner entry (`npm test`, `npm run test:unit`): finds test files and runs them with Node's own
 * test runner. Unit tests are src/**\/*.test.ts and eval/**\/*.test.ts except *.db.test.ts (database) and *.case.test.ts
 * (contract suites imported by each implementation's test). The full run adds the database tests,
 * test/conformance and test/e2e. Extra arguments are passed to `node --test` (e.g. --test-name-pattern).
 */
import { spawn } from "node:child_process";
import { glob } from "node:fs/promises";

const args = process.argv.slice(2);
const unitOnly = args.includes("--unit");
const passThrough = args.filter(
  (arg) => arg !== "--unit" && !arg.startsWith("src/") && !arg.startsWith("test/"),
);
const explicit = args.filter((arg) => arg.startsWith("src/") || arg.startsWith("test/"));

async function collect(pattern: string): Promise<string[]> {
  const files: string[] = [];
  for await (const file of glob(pattern, { exclude: (name) => name.includes("node_modules") }))
    files.push(file);
  return files.sort();
}

const srcTests = [...(await collect("src/**/*.test.ts")), ...(await collect("eval/**/*.test.ts"))].filter(
  (file) => !file.endsWith(".case.test.ts"),
);
const files =
  explicit.length > 0
    ? explicit
    : unitOnly
      ? srcTests.filter((file) => !file.endsWith(".db.test.ts"))
      : [
          ...srcTests,
          ...(await collect("test/conformance/**/*.test.ts")),
          ...(await collect("test/e2e/**/*.test.ts")),
        ];

const child = spawn(
  process.execPath,
  ["--test", "--test-concurrency=3", "--test-timeout=600000", ...passThrough, ...files],
  { stdio: "inherit" },
);
child.on("exit", (code, signal) => process.exit(code ?? (signal === null ? 1 : 1)));
