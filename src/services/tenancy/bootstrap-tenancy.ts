/**
 * First-start setup: a default organization and workspace, the operator's QUIRE_API_KEY, and — when
 * no key exists at all — a generated key that the caller prints once. Safe to run on every start and
 * from several processes at once (the unique default-workspace index makes one of them win).
 */
import { newId, randomToken } from "../../domain/ids.ts";
import type { Database } from "../../storage/db/database.ts";
import {
  countActiveApiKeys,
  findDefaultWorkspace,
  insertOrganization,
  insertWorkspace,
  putSettingIfAbsent,
  type WorkspaceRecord,
} from "../../storage/repositories/tenancy-repository.ts";
import { createApiKey, ensureApiKey } from "../auth/manage-api-keys.ts";

export interface BootstrapResult {
  readonly workspace: WorkspaceRecord;
  /** A key generated because none existed; print it once, it is not stored in clear. */
  readonly generatedToken: string | undefined;
  readonly signingSecret: string;
}

export async function bootstrapTenancy(
  db: Database,
  options: {
    readonly apiKey: string | undefined;
    readonly signingSecret: string | undefined;
    /** false: never generate the first-start key (CLI administration). */
    readonly generateKey?: boolean;
  },
): Promise<BootstrapResult> {
  const workspace = await db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(7201911018)");
    const existing = await findDefaultWorkspace(tx);
    if (existing !== undefined) return existing;
    const organizationId = newId("organization");
    await insertOrganization(tx, organizationId, "Default organization");
    const created = { id: newId("workspace"), organizationId, name: "Default workspace", isDefault: true };
    await insertWorkspace(tx, created);
    return created;
  });

  let generatedToken: string | undefined;
  if (options.apiKey !== undefined) {
    await ensureApiKey(db, options.apiKey, "QUIRE_API_KEY");
  } else if (options.generateKey !== false) {
    generatedToken = await db.transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock(7201911019)");
      if ((await countActiveApiKeys(tx)) > 0) return undefined;
      return (await createApiKey(tx, { name: "Initial key", scope: "workspace" })).token;
    });
  }

  const signingSecret =
    options.signingSecret ?? (await putSettingIfAbsent(db, "signing_secret", randomToken(43)));
  return { workspace, generatedToken, signingSecret };
}
