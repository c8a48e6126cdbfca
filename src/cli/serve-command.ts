/** `quire serve [--role all|api|worker]`: start the server and stop it gracefully on SIGTERM/SIGINT. */
import { createApp } from "../app.ts";
import type { Config } from "../config/config.ts";
import { createLogger } from "../shared/logger.ts";

export async function serveCommand(config: Config, out: NodeJS.WritableStream): Promise<void> {
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  if (app.generatedApiKey !== undefined) {
    out.write(
      [
        "",
        "  No API key was configured, so Quire created one. It is shown only this once:",
        "",
        `      ${app.generatedApiKey}`,
        "",
        "  Use it as the SDK token (Authorization: Bearer …). Set QUIRE_API_KEY to choose your own.",
        "",
      ].join("\n"),
    );
  }
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down: draining in-flight work");
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  const address = await app.start();
  logger.info(
    { address, role: config.role, database: config.database.kind, blobs: config.blobs.kind },
    "quire ready",
  );
}
