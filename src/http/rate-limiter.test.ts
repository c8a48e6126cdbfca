import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRateLimiter } from "./rate-limiter.ts";

describe("rate limiter", () => {
  it("allows a burst, then refuses until tokens refill at the sustained rate", () => {
    let now = 0;
    const limiter = createRateLimiter(2, 3, { now: () => now });
    assert.deepEqual([limiter.take("k"), limiter.take("k"), limiter.take("k")], [0, 0, 0]);
    const wait = limiter.take("k");
    assert.ok(wait > 0.49 && wait <= 0.5, `wait ${wait}`);
    now += 500;
    assert.equal(limiter.take("k"), 0);
    assert.ok(limiter.take("k") > 0);
  });

  it("keeps keys independent and is disabled at 0", () => {
    const limiter = createRateLimiter(1, 1, { now: () => 0 });
    assert.equal(limiter.take("a"), 0);
    assert.equal(limiter.take("b"), 0);
    assert.ok(limiter.take("a") > 0);
    const off = createRateLimiter(0, 1, { now: () => 0 });
    for (let i = 0; i < 100; i++) assert.equal(off.take("a"), 0);
  });
});
