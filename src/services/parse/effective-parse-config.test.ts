/** The effective config echoes blockOptions.formulas.enabled: on unless the request turns it off. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { effectiveParseConfig } from "./effective-parse-config.ts";

it("defaults blockOptions.formulas.enabled to true and keeps an explicit false", () => {
  assert.deepEqual(effectiveParseConfig(undefined).blockOptions?.formulas, { enabled: true });
  assert.deepEqual(
    effectiveParseConfig({ blockOptions: { formulas: { enabled: false } } }).blockOptions?.formulas,
    { enabled: false },
  );
});
