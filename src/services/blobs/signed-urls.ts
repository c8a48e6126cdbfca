/**
 * Quire-signed, expiring download links for blobs in stores that have no native presigning (local
 * disk). The token carries the blob key, download name, media type and expiry, and an HMAC-SHA256 over
 * them; the /signed route serves the bytes only while the signature verifies and the link is fresh.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface SignedBlob {
  readonly key: string;
  readonly fileName: string;
  readonly contentType: string;
  /** Unix seconds. */
  readonly expiresAt: number;
}

export const SIGNED_BLOB_ROUTE_PREFIX = "/signed/";

export function signBlobToken(secret: string, blob: SignedBlob): string {
  const payload = Buffer.from(
    JSON.stringify({ k: blob.key, n: blob.fileName, t: blob.contentType, e: blob.expiresAt }),
    "utf8",
  ).toString("base64url");
  return `${payload}.${mac(secret, payload)}`;
}

export function signBlobUrl(baseUrl: string, secret: string, blob: SignedBlob): string {
  return `${baseUrl}${SIGNED_BLOB_ROUTE_PREFIX}${signBlobToken(secret, blob)}`;
}

/** The blob a token grants, or why it grants nothing. */
export function verifyBlobToken(
  secret: string,
  token: string,
  nowSeconds: number,
): { ok: true; blob: SignedBlob } | { ok: false; reason: "malformed" | "bad-signature" | "expired" } {
  const [payload, signature, ...rest] = token.split(".");
  if (payload === undefined || signature === undefined || rest.length > 0)
    return { ok: false, reason: "malformed" };
  const expected = Buffer.from(mac(secret, payload), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: "bad-signature" };
  }
  let decoded: { k?: unknown; n?: unknown; t?: unknown; e?: unknown };
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof decoded;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (
    typeof decoded.k !== "string" ||
    typeof decoded.n !== "string" ||
    typeof decoded.t !== "string" ||
    typeof decoded.e !== "number"
  ) {
    return { ok: false, reason: "malformed" };
  }
  if (decoded.e < nowSeconds) return { ok: false, reason: "expired" };
  return {
    ok: true,
    blob: { key: decoded.k, fileName: decoded.n, contentType: decoded.t, expiresAt: decoded.e },
  };
}

function mac(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload, "utf8").digest("base64url");
}
