/** Process entry: hands argv and the environment (read only here and in config/) to the CLI. */
import { runCli } from "./cli/run-cli.ts";

const code = await runCli(process.argv.slice(2), process.env, process.stdout);
if (code >= 0) process.exit(code);
