import assert from "node:assert/strict";
import { it } from "node:test";
import { isVersionString, nextVersion } from "./versions.ts";

it("numbers releases major.minor from 0.0", () => {
  assert.equal(nextVersion(undefined, "minor").version, "0.1");
  assert.equal(nextVersion(undefined, "major").version, "1.0");
  assert.equal(nextVersion({ major: 1, minor: 0 }, "minor").version, "1.1");
  assert.equal(nextVersion({ major: 1, minor: 4 }, "major").version, "2.0");
  assert.ok(isVersionString("10.2"));
  assert.ok(!isVersionString("draft") && !isVersionString("1") && !isVersionString("exv_1.0"));
});
