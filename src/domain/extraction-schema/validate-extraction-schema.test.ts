/**
 * The general rules of Extend's extraction-schema dialect: root, types, nullability, keys, ordering,
 * nesting depth, arrays and unsupported keywords, each with the exact message and path.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../shared/app-error.ts";
import { UNSUPPORTED_KEYWORDS } from "./schema-keywords.ts";
import type { ArrayNode, ObjectNode } from "./schema-node.ts";
import { validateExtractionSchema } from "./validate-extraction-schema.ts";

const text = { type: ["string", "null"] };

function root(
  properties: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { type: "object", properties, ...extra };
}

function rejection(schema: unknown, path?: string): string {
  try {
    validateExtractionSchema(schema, path);
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, "INVALID_REQUEST");
    assert.equal(error.status, 400);
    return error.message;
  }
  assert.fail("schema was accepted");
}

/** A root whose properties o1…oN are nested objects (N non-root levels); the deepest holds `leaf`. */
function chain(levels: number, leaf: unknown = text): Record<string, unknown> {
  let node: Record<string, unknown> = { type: "object", properties: { leaf } };
  for (let level = levels; level >= 1; level--)
    node = { type: "object", properties: { [`o${level}`]: node } };
  return node;
}

const depthPath = (levels: number): string =>
  ["schema", ...Array.from({ length: levels }, (_, index) => `properties.o${index + 1}`)].join(".");
const depthMessage = "Maximum nesting depth of 5 exceeded. Each non-root object counts as one level.";

describe("root", () => {
  it("must be an object schema", () => {
    for (const schema of [null, "x", [], { type: "array" }, { type: ["object", "null"] }, {}]) {
      assert.match(rejection(schema), /^The root schema must be of type "object".*; Path: schema$/);
    }
    assert.equal(
      rejection({ type: "array" }),
      'The root schema must be of type "object" instead of "array".; Path: schema',
    );
  });

  it("uses the caller's path prefix", () => {
    assert.equal(
      rejection(root({ name: { type: "string" } }), "config.schema"),
      'Non-nullable primitive type "string" is not allowed. Use ["string", "null"] instead of "string".; Path: config.schema.properties.name',
    );
  });

  it("must have properties", () => {
    assert.equal(rejection({ type: "object" }), "Objects must have properties.; Path: schema");
    assert.equal(rejection(root({})), "Objects must have properties.; Path: schema.properties");
    assert.equal(
      rejection(root({ a: { type: "object" } })),
      "Objects must have properties.; Path: schema.properties.a",
    );
  });

  it("rejects extend:type on the root", () => {
    assert.equal(
      rejection(root({ amount: text }, { "extend:type": "currency" })),
      '"extend:type" is not allowed on the root schema.; Path: schema.extend:type',
    );
  });
});

describe("types and nullability", () => {
  it("accepts every nullable primitive, in either order", () => {
    const schema = validateExtractionSchema(
      root({
        s: { type: ["string", "null"] },
        n: { type: ["number", "null"] },
        i: { type: ["integer", "null"] },
        b: { type: ["null", "boolean"] },
      }),
    );
    assert.deepEqual(
      schema.fields.map((field) => [field.key, field.kind, field.nullable]),
      [
        ["s", "string", true],
        ["n", "number", true],
        ["i", "integer", true],
        ["b", "boolean", true],
      ],
    );
  });

  it("rejects non-nullable primitives with Extend's exact message", () => {
    assert.equal(
      rejection(root({ name: { type: "string" } })),
      'Non-nullable primitive type "string" is not allowed. Use ["string", "null"] instead of "string".; Path: schema.properties.name',
    );
    assert.equal(
      rejection(root({ count: { type: ["integer"] } })),
      'Non-nullable primitive type "integer" is not allowed. Use ["integer", "null"] instead of ["integer"].; Path: schema.properties.count',
    );
  });

  it("rejects unknown types, unions and nullable containers", () => {
    assert.equal(
      rejection(root({ x: { type: ["float", "null"] } })),
      'Type "float" is not allowed. Allowed types are string, number, integer, boolean, object, and array.; Path: schema.properties.x',
    );
    assert.equal(
      rejection(root({ x: { type: "null" } })),
      'Type "null" is not allowed. Allowed types are string, number, integer, boolean, object, and array.; Path: schema.properties.x',
    );
    assert.equal(
      rejection(root({ x: { type: ["string", "number", "null"] } })),
      'Union type ["string", "number", "null"] is not allowed. Use a single type, optionally with "null" (e.g. ["string", "null"]).; Path: schema.properties.x',
    );
    assert.equal(
      rejection(root({ x: { type: 3 } })),
      '"type" must be a type name or an array of type names.; Path: schema.properties.x.type',
    );
    assert.equal(
      rejection(root({ x: { type: ["object", "null"], properties: { a: text } } })),
      'Nullable type ["object", "null"] is not allowed. Use "object" instead of ["object", "null"].; Path: schema.properties.x',
    );
    assert.equal(
      rejection(root({ x: { description: "no type" } })),
      'Missing "type". Allowed types are string, number, integer, boolean, object, and array.; Path: schema.properties.x',
    );
    assert.equal(
      rejection(root({ x: "string" })),
      "A property schema must be a JSON object.; Path: schema.properties.x",
    );
  });

  it("keeps description and extend:name, and checks their types", () => {
    const [field] = validateExtractionSchema(
      root({ inv: { ...text, description: "The invoice number", "extend:name": "Invoice Number" } }),
    ).fields;
    assert.equal(field?.description, "The invoice number");
    assert.equal(field?.extendName, "Invoice Number");
    assert.equal(field?.schemaPath, "schema.properties.inv");
    assert.equal(
      rejection(root({ x: { ...text, description: 1 } })),
      '"description" must be a string.; Path: schema.properties.x.description',
    );
    assert.equal(
      rejection(root({ x: { ...text, "extend:name": "" } })),
      '"extend:name" must be a non-empty string.; Path: schema.properties.x.extend:name',
    );
  });
});

describe("property keys", () => {
  it("accepts letters, digits, underscores and hyphens", () => {
    const keys = ["invoice_number", "Total-2", "9lives", "straße"];
    const schema = validateExtractionSchema(root(Object.fromEntries(keys.map((key) => [key, text]))));
    assert.deepEqual(
      schema.fields.map((field) => field.key),
      keys,
    );
  });

  it("rejects any other character, since keys are metadata path segments", () => {
    for (const key of ["line items", "a.b", "a[0]", "", "total$"]) {
      assert.equal(
        rejection(root({ [key]: text })),
        `Property key ${JSON.stringify(key)} is not allowed. Property keys may contain only letters, numbers, underscores, and hyphens.; Path: schema.properties.${key}`,
      );
    }
  });
});

describe("required and output order", () => {
  it("generates declaration order when required is absent", () => {
    const schema = validateExtractionSchema(root({ b: text, a: text, c: text }));
    assert.deepEqual(
      schema.fields.map((field) => field.key),
      ["b", "a", "c"],
    );
  });

  it("follows required, then appends unlisted properties in declaration order", () => {
    const full = validateExtractionSchema(root({ a: text, b: text, c: text }, { required: ["c", "a", "b"] }));
    assert.deepEqual(
      full.fields.map((field) => field.key),
      ["c", "a", "b"],
    );
    const partial = validateExtractionSchema(
      root({ a: text, b: text, c: text, d: text }, { required: ["c", "a", "c"] }),
    );
    assert.deepEqual(
      partial.fields.map((field) => field.key),
      ["c", "a", "b", "d"],
    );
  });

  it("orders nested objects and array items too", () => {
    const schema = validateExtractionSchema(
      root({
        vendor: { type: "object", properties: { name: text, address: text }, required: ["address", "name"] },
        lines: {
          type: "array",
          items: { type: "object", properties: { q: text, p: text }, required: ["p", "q"] },
        },
      }),
    );
    const vendor = schema.fields[0] as ObjectNode;
    assert.deepEqual(
      vendor.fields.map((field) => field.key),
      ["address", "name"],
    );
    const lines = schema.fields[1] as ArrayNode;
    assert.equal(lines.items.kind, "object");
    assert.deepEqual(
      (lines.items as ObjectNode).fields.map((field) => field.key),
      ["p", "q"],
    );
  });

  it("rejects malformed required lists", () => {
    assert.equal(
      rejection(root({ a: text }, { required: ["a", "b"] })),
      'Required property "b" is not defined in properties.; Path: schema.required',
    );
    assert.equal(
      rejection(root({ a: text }, { required: "a" })),
      '"required" must be an array of property names.; Path: schema.required',
    );
  });
});

describe("nesting depth", () => {
  it("accepts exactly 5 non-root object levels and rejects 6", () => {
    let node = validateExtractionSchema(chain(5)) as ObjectNode;
    for (let level = 1; level <= 5; level++) node = node.fields[0] as ObjectNode;
    assert.equal(node.schemaPath, depthPath(5));
    assert.equal(rejection(chain(6)), `${depthMessage}; Path: ${depthPath(6)}`);
  });

  it("counts array item objects, but not arrays themselves", () => {
    const rows = (item: unknown) => ({ type: "array", items: item });
    validateExtractionSchema(chain(4, rows({ type: "object", properties: { a: text } })));
    const deepItem = { type: "object", properties: { inner: { type: "object", properties: { a: text } } } };
    assert.equal(
      rejection(chain(4, rows(deepItem))),
      `${depthMessage}; Path: ${depthPath(4)}.properties.leaf.items.properties.inner`,
    );
  });

  it("counts currency and signature objects as a level", () => {
    const currency = {
      type: "object",
      "extend:type": "currency",
      properties: { amount: { type: ["number", "null"] }, iso_4217_currency_code: text },
    };
    validateExtractionSchema(chain(4, currency));
    assert.equal(rejection(chain(5, currency)), `${depthMessage}; Path: ${depthPath(5)}.properties.leaf`);
  });
});

describe("arrays", () => {
  it("accepts arrays of objects and of non-nullable primitives", () => {
    const schema = validateExtractionSchema(
      root({
        tags: { type: "array", items: { type: "string" } },
        scores: { type: "array", items: { type: "integer" }, description: "Scores" },
        rows: { type: "array", items: { type: "object", properties: { a: text } } },
      }),
    );
    const [tags, scores, rows] = schema.fields as readonly ArrayNode[];
    assert.deepEqual([tags?.items.kind, tags?.items.nullable, tags?.nullable], ["string", false, false]);
    assert.equal(scores?.description, "Scores");
    assert.equal(rows?.items.kind, "object");
  });

  it("rejects nullable items, enums, nested arrays and missing items", () => {
    assert.equal(
      rejection(root({ tags: { type: "array", items: { type: ["string", "null"] } } })),
      'Nullable array item type ["string", "null"] is not allowed. Primitive array items are not nullable; use "string" instead of ["string", "null"].; Path: schema.properties.tags.items',
    );
    const rule = "Array items must be objects or primitive types (string, number, integer, boolean).";
    assert.equal(
      rejection(root({ tags: { type: "array", items: { enum: ["a", null] } } })),
      `Enum array items are not supported. ${rule}; Path: schema.properties.tags.items`,
    );
    assert.equal(
      rejection(root({ m: { type: "array", items: { type: "array", items: { type: "string" } } } })),
      `Nested arrays are not supported. ${rule}; Path: schema.properties.m.items`,
    );
    assert.equal(
      rejection(root({ m: { type: "array" } })),
      'Arrays must have "items".; Path: schema.properties.m',
    );
    assert.equal(
      rejection(root({ m: { type: "array", items: [{ type: "string" }] } })),
      '"items" must be a single schema object.; Path: schema.properties.m.items',
    );
    assert.equal(
      rejection(root({ m: { type: ["array", "null"], items: { type: "string" } } })),
      'Nullable type ["array", "null"] is not allowed. Use "array" instead of ["array", "null"].; Path: schema.properties.m',
    );
  });
});

describe("keywords", () => {
  it("rejects every unsupported keyword by name, wherever it appears", () => {
    for (const keyword of UNSUPPORTED_KEYWORDS) {
      const message = `Unsupported keyword "${keyword}". Extraction schemas do not support it.`;
      assert.equal(
        rejection(root({ a: { ...text, [keyword]: 1 } })),
        `${message}; Path: schema.properties.a.${keyword}`,
      );
      assert.equal(rejection(root({ a: text }, { [keyword]: {} })), `${message}; Path: schema.${keyword}`);
    }
    // A pydantic-style Optional has no `type`: the composition keyword is what gets reported.
    assert.equal(
      rejection(root({ a: { anyOf: [{ type: "string" }, { type: "null" }] } })),
      'Unsupported keyword "anyOf". Extraction schemas do not support it.; Path: schema.properties.a.anyOf',
    );
    assert.equal(
      rejection(root({ rows: { type: "array", items: { $ref: "#/$defs/Row" } } })),
      'Unsupported keyword "$ref". Extraction schemas do not support it.; Path: schema.properties.rows.items.$ref',
    );
  });

  it("rejects misplaced structural keywords and unknown extend: keywords", () => {
    assert.equal(
      rejection(root({ a: { ...text, items: { type: "string" } } })),
      'Keyword "items" is not allowed on this field.; Path: schema.properties.a.items',
    );
    assert.equal(
      rejection(root({ a: { ...text, "extend:descriptions": ["x"] } })),
      'Keyword "extend:descriptions" is not allowed on this field.; Path: schema.properties.a.extend:descriptions',
    );
    assert.equal(
      rejection(root({ a: { type: "array", items: { type: "string" }, "extend:type": "date" } })),
      'Keyword "extend:type" is not allowed on this field.; Path: schema.properties.a.extend:type',
    );
    assert.equal(
      rejection(root({ a: { ...text, "extend:format": "x" } })),
      'Unknown keyword "extend:format". Supported Extend keywords are extend:type, extend:name and extend:descriptions.; Path: schema.properties.a.extend:format',
    );
  });

  it("ignores annotations that constrain nothing", () => {
    const schema = validateExtractionSchema({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "Invoice",
      type: "object",
      properties: { a: { ...text, title: "A", examples: ["x"], default: null, $comment: "c", "x-ui": 1 } },
      additionalProperties: false,
    });
    assert.equal(schema.fields[0]?.kind, "string");
  });

  it("accepts boolean additionalProperties only", () => {
    validateExtractionSchema(root({ a: text }, { additionalProperties: true }));
    assert.equal(
      rejection(root({ a: text }, { additionalProperties: { type: "string" } })),
      '"additionalProperties" must be a boolean; schemas for additional properties are not supported.; Path: schema.additionalProperties',
    );
  });

  it("rejects recursive (cyclic) schemas", () => {
    const node: Record<string, unknown> = { type: "object" };
    node.properties = { self: node };
    assert.equal(
      rejection(root({ node })),
      "Recursive schemas are not supported.; Path: schema.properties.node.properties.self",
    );
  });

  it("allows the same sub-schema object to be reused in two places (not recursion)", () => {
    const address = { type: "object", properties: { city: text } };
    const schema = validateExtractionSchema(root({ billing: address, shipping: address }));
    assert.deepEqual(
      schema.fields.map((field) => field.kind),
      ["object", "object"],
    );
  });
});
