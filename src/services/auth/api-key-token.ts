/**
 * API key tokens: `sk_` + 32 random characters (190 bits). Only the SHA-256 of a token is stored; a
 * fast hash suffices because tokens are random, not user-chosen passwords.
 */
import { createHash } from "node:crypto";
import { randomToken } from "../../domain/ids.ts";

export function generateApiKeyToken(): string {
  return `sk_${randomToken(32)}`;
}

export function hashApiKeyToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What listings show of a key: enough to recognise it, never enough to use it. */
export function hintOf(token: string): string {
  return token.length <= 10 ? "…" : `${token.slice(0, 6)}…${token.slice(-4)}`;
}
