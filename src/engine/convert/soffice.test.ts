import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findSoffice } from "./soffice.ts";

describe("findSoffice", () => {
  it("accepts a configured command only when it answers as LibreOffice", async () => {
    assert.equal(await findSoffice("/nonexistent/soffice"), undefined);
    // `true --version` exits 0 but is not LibreOffice.
    assert.equal(await findSoffice("true"), undefined);
  });

  it("finds soffice on the PATH when it is installed", async (context) => {
    const found = await findSoffice(undefined);
    if (found === undefined) return context.skip("LibreOffice is not installed; CI installs it");
    assert.ok(found === "soffice" || found === "libreoffice");
  });
});
