/** Creating, listing and revoking API keys (used by the CLI and by startup bootstrap). */
import { newId } from "../../domain/ids.ts";
import { AppError, notFound } from "../../shared/app-error.ts";
import type { Queryable } from "../../storage/db/database.ts";
import {
  type ApiKeyRecord,
  findApiKeyByHash,
  findDefaultWorkspace,
  findWorkspace,
  insertApiKey,
  listApiKeys,
  reinstateApiKey,
  revokeApiKey,
} from "../../storage/repositories/tenancy-repository.ts";
import { generateApiKeyToken, hashApiKeyToken, hintOf } from "./api-key-token.ts";

export interface CreateApiKeyInput {
  readonly name: string;
  /** "workspace": works only in workspaceId (default: the default workspace); "organization": every workspace. */
  readonly scope: "workspace" | "organization";
  readonly workspaceId?: string;
  /** Use this exact token instead of generating one (QUIRE_API_KEY). */
  readonly token?: string;
}

export interface CreatedApiKey {
  readonly key: ApiKeyRecord;
  /** Shown once; only its hash is stored. */
  readonly token: string;
}

export async function createApiKey(db: Queryable, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const workspace =
    input.workspaceId === undefined
      ? await findDefaultWorkspace(db)
      : await findWorkspace(db, input.workspaceId);
  if (workspace === undefined) throw notFound("Workspace", input.workspaceId ?? "default");
  const token = input.token ?? generateApiKeyToken();
  if (token.length < 16)
    throw new AppError("INVALID_REQUEST", "An API key must be at least 16 characters long");
  const id = newId("apiKey");
  const record = {
    id,
    organizationId: workspace.organizationId,
    workspaceId: input.scope === "workspace" ? workspace.id : null,
    name: input.name,
    keyHint: hintOf(token),
  };
  await insertApiKey(db, { ...record, keyHash: hashApiKeyToken(token) });
  return { key: { ...record, createdAt: new Date(), revokedAt: null }, token };
}

/**
 * Makes sure a workspace-scoped key with exactly this token exists and is active. Idempotent: a second
 * call (every restart) changes nothing; a previously revoked key is reinstated because the operator
 * asked for it explicitly.
 */
export async function ensureApiKey(
  db: Queryable,
  token: string,
  name: string,
): Promise<"created" | "existing"> {
  const existing = await findApiKeyByHash(db, hashApiKeyToken(token));
  if (existing !== undefined) {
    if (existing.revokedAt !== null) await reinstateApiKey(db, existing.id);
    return "existing";
  }
  await createApiKey(db, { name, scope: "workspace", token });
  return "created";
}

export function listKeys(db: Queryable): Promise<ApiKeyRecord[]> {
  return listApiKeys(db);
}

export async function revokeKey(db: Queryable, id: string): Promise<void> {
  if (!(await revokeApiKey(db, id))) throw notFound("Active API key", id);
}
