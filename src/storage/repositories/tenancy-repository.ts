/** Organizations, workspaces and API keys: the tenancy tables. All SQL for them lives here. */
import type { Queryable } from "../db/database.ts";

export interface WorkspaceRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly isDefault: boolean;
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly organizationId: string;
  /** null: organization-scoped key. */
  readonly workspaceId: string | null;
  readonly name: string;
  readonly keyHint: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

interface WorkspaceRow {
  id: string;
  organization_id: string;
  name: string;
  is_default: boolean;
}

interface ApiKeyRow {
  id: string;
  organization_id: string;
  workspace_id: string | null;
  name: string;
  key_hint: string;
  created_at: Date;
  revoked_at: Date | null;
}

const mapWorkspace = (row: WorkspaceRow): WorkspaceRecord => ({
  id: row.id,
  organizationId: row.organization_id,
  name: row.name,
  isDefault: row.is_default,
});

const mapKey = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  organizationId: row.organization_id,
  workspaceId: row.workspace_id,
  name: row.name,
  keyHint: row.key_hint,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export async function insertOrganization(db: Queryable, id: string, name: string): Promise<void> {
  await db.query("insert into organizations (id, name) values ($1, $2)", [id, name]);
}

export async function insertWorkspace(db: Queryable, workspace: WorkspaceRecord): Promise<void> {
  await db.query("insert into workspaces (id, organization_id, name, is_default) values ($1, $2, $3, $4)", [
    workspace.id,
    workspace.organizationId,
    workspace.name,
    workspace.isDefault,
  ]);
}

export async function findDefaultWorkspace(
  db: Queryable,
  organizationId?: string,
): Promise<WorkspaceRecord | undefined> {
  const rows =
    organizationId === undefined
      ? await db.query<WorkspaceRow>("select * from workspaces where is_default order by created_at limit 1")
      : await db.query<WorkspaceRow>("select * from workspaces where is_default and organization_id = $1", [
          organizationId,
        ]);
  return rows[0] === undefined ? undefined : mapWorkspace(rows[0]);
}

export async function findWorkspace(db: Queryable, id: string): Promise<WorkspaceRecord | undefined> {
  const rows = await db.query<WorkspaceRow>("select * from workspaces where id = $1", [id]);
  return rows[0] === undefined ? undefined : mapWorkspace(rows[0]);
}

export async function listWorkspaces(db: Queryable, organizationId: string): Promise<WorkspaceRecord[]> {
  const rows = await db.query<WorkspaceRow>(
    "select * from workspaces where organization_id = $1 order by created_at, id",
    [organizationId],
  );
  return rows.map(mapWorkspace);
}

export async function insertApiKey(
  db: Queryable,
  key: Omit<ApiKeyRecord, "createdAt" | "revokedAt"> & { keyHash: string },
): Promise<void> {
  await db.query(
    "insert into api_keys (id, organization_id, workspace_id, name, key_hash, key_hint) values ($1, $2, $3, $4, $5, $6)",
    [key.id, key.organizationId, key.workspaceId, key.name, key.keyHash, key.keyHint],
  );
}

export async function findApiKeyByHash(db: Queryable, keyHash: string): Promise<ApiKeyRecord | undefined> {
  const rows = await db.query<ApiKeyRow>("select * from api_keys where key_hash = $1", [keyHash]);
  return rows[0] === undefined ? undefined : mapKey(rows[0]);
}

export async function listApiKeys(db: Queryable): Promise<ApiKeyRecord[]> {
  const rows = await db.query<ApiKeyRow>("select * from api_keys order by created_at, id");
  return rows.map(mapKey);
}

export async function countActiveApiKeys(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>(
    "select count(*)::int as n from api_keys where revoked_at is null",
  );
  return rows[0]?.n ?? 0;
}

/** Returns whether a key was revoked by this call. */
export async function revokeApiKey(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(
    "update api_keys set revoked_at = clock_timestamp() where id = $1 and revoked_at is null returning id",
    [id],
  );
  return rows.length > 0;
}

export async function reinstateApiKey(db: Queryable, id: string): Promise<void> {
  await db.query("update api_keys set revoked_at = null where id = $1", [id]);
}

export async function getSetting(db: Queryable, key: string): Promise<string | undefined> {
  const rows = await db.query<{ value: string }>("select value from settings where key = $1", [key]);
  return rows[0]?.value;
}

/** Inserts the value unless the key exists; returns the stored value (first writer wins). */
export async function putSettingIfAbsent(db: Queryable, key: string, value: string): Promise<string> {
  await db.query("insert into settings (key, value) values ($1, $2) on conflict (key) do nothing", [
    key,
    value,
  ]);
  return (await getSetting(db, key)) ?? value;
}
