/**
 * `quire keys create|list|revoke`: API key administration straight on the database. With the embedded
 * database the server must be stopped first (PGlite is single-process; the data-dir lock says so).
 */
import { openDatabase } from "../app.ts";
import type { Config } from "../config/config.ts";
import { createApiKey, listKeys, revokeKey } from "../services/auth/manage-api-keys.ts";
import { bootstrapTenancy } from "../services/tenancy/bootstrap-tenancy.ts";
import { migrate } from "../storage/db/migrate.ts";

export async function keysCommand(
  config: Config,
  args: readonly string[],
  out: NodeJS.WritableStream,
): Promise<void> {
  const [verb, ...rest] = args;
  const { db, lock } = await openDatabase(config);
  try {
    await migrate(db);
    // Tenancy must exist to attach keys; never generate a key here, the caller asked for a specific action.
    await bootstrapTenancy(db, {
      apiKey: undefined,
      signingSecret: config.signingSecret,
      generateKey: false,
    });
    switch (verb) {
      case "create": {
        const scope = flag(rest, "--scope") ?? "workspace";
        if (scope !== "workspace" && scope !== "organization")
          throw new Error("--scope must be workspace or organization");
        const workspaceId = flag(rest, "--workspace");
        const created = await createApiKey(db, {
          name: flag(rest, "--name") ?? "CLI key",
          scope,
          ...(workspaceId === undefined ? {} : { workspaceId }),
        });
        out.write(
          `${created.key.id}\t${scope}\t${created.key.workspaceId ?? created.key.organizationId}\n${created.token}\n`,
        );
        return;
      }
      case "list": {
        out.write("id\tname\tscope\tworkspace\thint\tcreated\trevoked\n");
        for (const key of await listKeys(db)) {
          out.write(
            `${key.id}\t${key.name}\t${key.workspaceId === null ? "organization" : "workspace"}\t${key.workspaceId ?? "-"}\t${key.keyHint}\t${key.createdAt.toISOString()}\t${key.revokedAt?.toISOString() ?? "-"}\n`,
          );
        }
        return;
      }
      case "revoke": {
        const id = rest[0];
        if (id === undefined) throw new Error("usage: quire keys revoke <key id>");
        await revokeKey(db, id);
        out.write(`revoked ${id}\n`);
        return;
      }
      default:
        throw new Error(
          "usage: quire keys create [--name N] [--scope workspace|organization] [--workspace ws_…] | list | revoke <id>",
        );
    }
  } finally {
    await db.close();
    await lock?.release();
  }
}

function flag(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a value`);
  return value;
}
