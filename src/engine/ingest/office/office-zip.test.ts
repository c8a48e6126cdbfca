import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { minimalDocx } from "../../test-support/container-fixtures.ts";
import { PackageError, unzipOffice } from "./office-zip.ts";

describe("unzipOffice", () => {
  it("stops with FILE_SIZE_TOO_LARGE once the declared XML passes the bound", () => {
    const docx = minimalDocx(Array.from({ length: 200 }, (_, index) => `Paragraph number ${index}`));
    assert.ok(unzipOffice(docx).has("word/document.xml"));
    assert.throws(
      () => unzipOffice(docx, 4096),
      (error: unknown) =>
        error instanceof PackageError &&
        error.reason === "FILE_SIZE_TOO_LARGE" &&
        /more than .* MB of XML/.test(error.message),
    );
  });

  it("reports bytes that are not a zip as CORRUPT_FILE", () => {
    assert.throws(
      () => unzipOffice(new TextEncoder().encode("not a zip at all")),
      (error: unknown) => error instanceof PackageError && error.reason === "CORRUPT_FILE",
    );
  });
});
