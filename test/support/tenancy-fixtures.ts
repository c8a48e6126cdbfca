/** Extra tenants for isolation tests: another organization, or another workspace in the same one. */

import { newId } from "../../src/domain/ids.ts";
import { createApiKey } from "../../src/services/auth/manage-api-keys.ts";
import type { Database } from "../../src/storage/db/database.ts";
import {
  findDefaultWorkspace,
  insertOrganization,
  insertWorkspace,
} from "../../src/storage/repositories/tenancy-repository.ts";

/** A new organization with its default workspace and a workspace-scoped key. */
export async function createForeignTenant(db: Database): Promise<{ workspaceId: string; token: string }> {
  const organizationId = newId("organization");
  const workspaceId = newId("workspace");
  await insertOrganization(db, organizationId, "Other organization");
  await insertWorkspace(db, { id: workspaceId, organizationId, name: "Other", isDefault: true });
  const { token } = await createApiKey(db, { name: "foreign", scope: "workspace", workspaceId });
  return { workspaceId, token };
}

/** A second, non-default workspace in the default organization, and an organization-scoped key. */
export async function createSecondWorkspaceWithOrgKey(
  db: Database,
): Promise<{ defaultWorkspaceId: string; secondWorkspaceId: string; orgToken: string }> {
  const home = await findDefaultWorkspace(db);
  if (home === undefined) throw new Error("no default workspace");
  const secondWorkspaceId = newId("workspace");
  await insertWorkspace(db, {
    id: secondWorkspaceId,
    organizationId: home.organizationId,
    name: "Second",
    isDefault: false,
  });
  const { token } = await createApiKey(db, { name: "org", scope: "organization" });
  return { defaultWorkspaceId: home.id, secondWorkspaceId, orgToken: token };
}
