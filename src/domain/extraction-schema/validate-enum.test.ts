/** Enum rules: strings plus a mandatory null, and positional extend:descriptions in both lengths seen in the wild. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../shared/app-error.ts";
import type { EnumNode } from "./schema-node.ts";
import { validateExtractionSchema } from "./validate-extraction-schema.ts";

function enumField(property: Record<string, unknown>): EnumNode {
  const field = validateExtractionSchema({ type: "object", properties: { status: property } }).fields[0];
  assert.equal(field?.kind, "enum");
  return field as EnumNode;
}

function rejection(property: Record<string, unknown>): string {
  try {
    enumField(property);
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, "INVALID_REQUEST");
    return error.message;
  }
  assert.fail("enum was accepted");
}

describe("enums", () => {
  it("accepts string values plus null, with or without a string type", () => {
    for (const type of [undefined, "string", ["string", "null"], ["null", "string"]]) {
      const node = enumField({ ...(type === undefined ? {} : { type }), enum: ["PAID", null, "DUE"] });
      assert.deepEqual(node.values, ["PAID", "DUE"]);
      assert.equal(node.nullable, true);
      assert.deepEqual(node.valueDescriptions, [null, null]);
    }
  });

  it("rejects enums without null", () => {
    assert.equal(
      rejection({ enum: ["PAID", "DUE"] }),
      "Enum without null is not allowed. Add null to the enum values.; Path: schema.properties.status",
    );
  });

  it("rejects non-string values, duplicates, null-only and non-array enums", () => {
    assert.equal(
      rejection({ enum: ["A", 1, null] }),
      "Enum value 1 is not allowed. Enums must only contain strings and null.; Path: schema.properties.status.enum",
    );
    assert.equal(
      rejection({ enum: ["A", "A", null] }),
      'Enum values must be unique; "A" appears more than once.; Path: schema.properties.status.enum',
    );
    assert.equal(
      rejection({ enum: ["A", null, null] }),
      "Enum values must be unique; null appears more than once.; Path: schema.properties.status.enum",
    );
    assert.equal(
      rejection({ enum: [null] }),
      "Enum must contain at least one string value.; Path: schema.properties.status.enum",
    );
    assert.equal(
      rejection({ enum: "A" }),
      '"enum" must be an array of strings and null.; Path: schema.properties.status.enum',
    );
  });

  it("rejects a non-string enum type and keywords that do not apply", () => {
    assert.equal(
      rejection({ type: ["number", "null"], enum: ["1", null] }),
      'Enum type ["number", "null"] is not allowed. Enums only support strings.; Path: schema.properties.status',
    );
    assert.equal(
      rejection({ enum: ["A", null], "extend:type": "date" }),
      'Keyword "extend:type" is not allowed on this field.; Path: schema.properties.status.extend:type',
    );
  });

  it("maps extend:descriptions given one per member, dropping the null's entry", () => {
    const node = enumField({
      enum: ["PAID", "PENDING", null],
      "extend:descriptions": ["Paid in full", "", "Unknown"],
      description: "Payment status",
      "extend:name": "Payment Status",
    });
    assert.deepEqual(node.valueDescriptions, ["Paid in full", null]);
    assert.equal(node.description, "Payment status");
    assert.equal(node.extendName, "Payment Status");
  });

  it("maps extend:descriptions given one per string value, or fewer", () => {
    assert.deepEqual(
      enumField({ enum: ["A", null, "B"], "extend:descriptions": ["first", "second"] }).valueDescriptions,
      ["first", "second"],
    );
    assert.deepEqual(
      enumField({ enum: ["A", "B", null], "extend:descriptions": ["first"] }).valueDescriptions,
      ["first", null],
    );
  });

  it("rejects malformed extend:descriptions", () => {
    assert.equal(
      rejection({ enum: ["A", null], "extend:descriptions": "a" }),
      '"extend:descriptions" must be an array of strings.; Path: schema.properties.status.extend:descriptions',
    );
    assert.equal(
      rejection({ enum: ["A", null], "extend:descriptions": [1] }),
      '"extend:descriptions" must be an array of strings.; Path: schema.properties.status.extend:descriptions',
    );
    assert.equal(
      rejection({ enum: ["A", null], "extend:descriptions": ["a", "b", "c"] }),
      '"extend:descriptions" has 3 entries but "enum" has 2 values.; Path: schema.properties.status.extend:descriptions',
    );
  });
});
