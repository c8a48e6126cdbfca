import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { signBlobToken, verifyBlobToken } from "./signed-urls.ts";

const blob = { key: "ws_a/file_b", fileName: "a b.pdf", contentType: "application/pdf", expiresAt: 1_000 };

describe("signed blob tokens", () => {
  it("verifies a fresh token and returns what it grants", () => {
    const result = verifyBlobToken("secret", signBlobToken("secret", blob), 999);
    assert.deepEqual(result, { ok: true, blob });
  });

  it("refuses an expired token", () => {
    assert.deepEqual(verifyBlobToken("secret", signBlobToken("secret", blob), 1_001), {
      ok: false,
      reason: "expired",
    });
  });

  it("refuses a token signed with another secret or with an altered payload", () => {
    const token = signBlobToken("secret", blob);
    assert.equal(verifyBlobToken("other", token, 0).ok, false);
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ k: "ws_x/file_y", n: "x", t: "x", e: 9e9 })).toString("base64url")}.${signature}`;
    assert.deepEqual(verifyBlobToken("secret", forged, 0), { ok: false, reason: "bad-signature" });
  });

  it("refuses garbage", () => {
    assert.deepEqual(verifyBlobToken("secret", "not-a-token", 0), { ok: false, reason: "malformed" });
  });
});
