/**
 * Bearer token → the caller's organization and workspace. Workspace-scoped keys work only in their
 * workspace; organization-scoped keys pick one with x-extend-workspace-id, else the organization's
 * default (the SDK cannot send the header on create calls, spec §1.4). Lookups are cached briefly so
 * an authenticated GET costs one query, not two; a revocation takes effect within the cache TTL.
 */
import { AppError } from "../../shared/app-error.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Queryable } from "../../storage/db/database.ts";
import {
  type ApiKeyRecord,
  findApiKeyByHash,
  findDefaultWorkspace,
  findWorkspace,
} from "../../storage/repositories/tenancy-repository.ts";
import { hashApiKeyToken } from "./api-key-token.ts";

export interface AuthContext {
  readonly keyId: string;
  /** The key's name: what Extend's `createdBy: {type: "api_key", name}` reports. */
  readonly keyName: string;
  readonly organizationId: string;
  readonly workspaceId: string;
  readonly scope: "workspace" | "organization";
}

export interface Authenticator {
  authenticate(authorization: string | undefined, workspaceHeader: string | undefined): Promise<AuthContext>;
}

const CACHE_TTL_MS = 2_000;
const CACHE_MAX_ENTRIES = 10_000;

export function createAuthenticator(db: Queryable, clock: Clock): Authenticator {
  const keys = new Map<string, { key: ApiKeyRecord | undefined; expiresAt: number }>();
  const defaultWorkspaces = new Map<string, { id: string | undefined; expiresAt: number }>();

  async function lookupKey(hash: string): Promise<ApiKeyRecord | undefined> {
    const cached = keys.get(hash);
    if (cached !== undefined && cached.expiresAt > clock.now()) return cached.key;
    const key = await findApiKeyByHash(db, hash);
    if (keys.size >= CACHE_MAX_ENTRIES) keys.clear();
    keys.set(hash, { key, expiresAt: clock.now() + CACHE_TTL_MS });
    return key;
  }

  async function defaultWorkspaceOf(organizationId: string): Promise<string | undefined> {
    const cached = defaultWorkspaces.get(organizationId);
    if (cached !== undefined && cached.expiresAt > clock.now()) return cached.id;
    const id = (await findDefaultWorkspace(db, organizationId))?.id;
    defaultWorkspaces.set(organizationId, { id, expiresAt: clock.now() + CACHE_TTL_MS });
    return id;
  }

  return {
    async authenticate(authorization, workspaceHeader) {
      const token = parseBearer(authorization);
      const key = await lookupKey(hashApiKeyToken(token));
      if (key === undefined || key.revokedAt !== null) {
        throw new AppError("UNAUTHORIZED", "Invalid API key: the bearer token is unknown or revoked");
      }
      const requested = workspaceHeader?.trim() === "" ? undefined : workspaceHeader?.trim();
      if (key.workspaceId !== null) {
        if (requested !== undefined && requested !== key.workspaceId) {
          throw new AppError(
            "FORBIDDEN",
            `This API key is scoped to workspace ${key.workspaceId} and cannot act in workspace ${requested}`,
          );
        }
        return {
          keyId: key.id,
          keyName: key.name,
          organizationId: key.organizationId,
          workspaceId: key.workspaceId,
          scope: "workspace",
        };
      }
      if (requested !== undefined) {
        const workspace = await findWorkspace(db, requested);
        if (workspace === undefined || workspace.organizationId !== key.organizationId) {
          throw new AppError(
            "FORBIDDEN",
            `Workspace ${requested} does not exist in this API key's organization`,
          );
        }
        return {
          keyId: key.id,
          keyName: key.name,
          organizationId: key.organizationId,
          workspaceId: workspace.id,
          scope: "organization",
        };
      }
      const fallback = await defaultWorkspaceOf(key.organizationId);
      if (fallback === undefined) {
        throw new AppError(
          "INVALID_REQUEST",
          "x-extend-workspace-id is required: the organization has no default workspace",
        );
      }
      return {
        keyId: key.id,
        keyName: key.name,
        organizationId: key.organizationId,
        workspaceId: fallback,
        scope: "organization",
      };
    },
  };
}

function parseBearer(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === "") {
    throw new AppError("UNAUTHORIZED", "Missing API key: send Authorization: Bearer <key>");
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (match?.[1] === undefined) {
    throw new AppError("UNAUTHORIZED", "Malformed Authorization header: expected 'Bearer <key>'");
  }
  return match[1];
}
