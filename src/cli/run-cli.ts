/** The `quire` command line: dispatches to serve and keys. Configuration comes from the environment. */
import { ConfigError, loadConfig } from "../config/config.ts";
import { keysCommand } from "./keys-command.ts";
import { serveCommand } from "./serve-command.ts";

const USAGE = `usage: quire <command>
  serve [--role all|api|worker]       start the server (default role: all)
  keys create [--name N] [--scope workspace|organization] [--workspace ws_…]
  keys list
  keys revoke <key id>`;

export async function runCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  out: NodeJS.WritableStream,
): Promise<number> {
  const [command = "serve", ...rest] = argv;
  try {
    if (command === "--help" || command === "help") {
      out.write(`${USAGE}\n`);
      return 0;
    }
    const roleIndex = rest.indexOf("--role");
    const role = roleIndex === -1 ? undefined : rest[roleIndex + 1];
    const config = loadConfig(role === undefined ? env : { ...env, QUIRE_ROLE: role });
    switch (command) {
      case "serve":
        await serveCommand(config, out);
        return -1; // keep running
      case "keys":
        await keysCommand(config, rest, out);
        return 0;
      default:
        out.write(`${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
    );
    return 1;
  }
}
