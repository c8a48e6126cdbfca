import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canTransition, isCancellable, isTerminal, RUN_STATUSES, statusesLeadingTo } from "./run-status.ts";

describe("run status transitions", () => {
  it("moves forward only, and never out of a terminal status", () => {
    assert.ok(canTransition("PENDING", "PROCESSING"));
    assert.ok(canTransition("PROCESSING", "PROCESSED"));
    assert.ok(canTransition("PROCESSING", "FAILED"));
    assert.ok(!canTransition("PROCESSING", "PENDING"));
    assert.ok(!canTransition("PENDING", "PROCESSED"), "a run is processed only after it was processing");
    for (const terminal of ["PROCESSED", "FAILED", "CANCELLED"] as const) {
      assert.ok(isTerminal(terminal));
      for (const to of RUN_STATUSES) assert.ok(!canTransition(terminal, to), `${terminal} → ${to}`);
    }
  });

  it("lets unfinished runs be cancelled", () => {
    assert.deepEqual(
      RUN_STATUSES.filter((status) => isCancellable(status)),
      ["PENDING", "PROCESSING"],
    );
    assert.deepEqual(statusesLeadingTo("PROCESSED"), ["PROCESSING"]);
    assert.deepEqual(statusesLeadingTo("CANCELLED"), ["PENDING", "PROCESSING"]);
  });
});
