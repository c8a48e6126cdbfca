/**
 * The flags the eval suites take: `--help`, `--write`, `--quiet`, and `--corpus <dir>` for suites that
 * read the corpus folder directly (`acceptsCorpus`). Returns the corpus folder and a progress logger, or
 * the exit code when the suite should stop (help shown, unknown flag).
 */
import { DEFAULT_CORPUS } from "./corpus.ts";

export interface CorpusArgs {
  readonly corpus: string;
  readonly log: (line: string) => void;
}

export function parseCorpusArgs(
  args: readonly string[],
  usage: string,
  { acceptsCorpus = true }: { readonly acceptsCorpus?: boolean } = {},
): CorpusArgs | number {
  if (args.includes("--help")) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  let corpus = DEFAULT_CORPUS;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (acceptsCorpus && arg === "--corpus" && args[index + 1] !== undefined) corpus = args[++index]!;
    else if (arg !== "--write" && arg !== "--quiet") {
      process.stderr.write(`unknown flag: ${arg}\n\n${usage}\n`);
      return 2;
    }
  }
  const log = args.includes("--quiet") ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
  return { corpus, log };
}
