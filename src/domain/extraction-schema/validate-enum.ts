/**
 * Validates an enum property: string values plus a mandatory null, and the optional positional
 * `extend:descriptions` that tell the model what each value means.
 */

import { checkKeywords, formatJson, readAnnotations, schemaError } from "./schema-keywords.ts";
import type { EnumNode } from "./schema-node.ts";

const ENUM_KEYWORDS: ReadonlySet<string> = new Set(["type", "enum", "extend:descriptions"]);

export function validateEnum(node: Record<string, unknown>, path: string): EnumNode {
  checkKeywords(node, path, ENUM_KEYWORDS);
  const { description, extendName } = readAnnotations(node, path);
  // An enum may also say what it is: `"string"` or `["string", "null"]`; null membership comes from
  // the enum itself, so the bare "string" form is not a non-nullable primitive here.
  const type = node.type;
  const typeIsString =
    type === undefined ||
    type === "string" ||
    (Array.isArray(type) && type.length === 2 && type.includes("string") && type.includes("null"));
  if (!typeIsString) {
    throw schemaError(`Enum type ${formatJson(type)} is not allowed. Enums only support strings.`, path);
  }

  const raw = node.enum;
  if (!Array.isArray(raw)) throw schemaError(`"enum" must be an array of strings and null.`, `${path}.enum`);
  const values: string[] = [];
  let hasNull = false;
  for (const value of raw) {
    if (value === null) {
      if (hasNull)
        throw schemaError(`Enum values must be unique; null appears more than once.`, `${path}.enum`);
      hasNull = true;
    } else if (typeof value !== "string") {
      throw schemaError(
        `Enum value ${formatJson(value)} is not allowed. Enums must only contain strings and null.`,
        `${path}.enum`,
      );
    } else if (values.includes(value)) {
      throw schemaError(
        `Enum values must be unique; ${formatJson(value)} appears more than once.`,
        `${path}.enum`,
      );
    } else {
      values.push(value);
    }
  }
  if (!hasNull) {
    throw schemaError(`Enum without null is not allowed. Add null to the enum values.`, path);
  }
  if (values.length === 0) throw schemaError(`Enum must contain at least one string value.`, `${path}.enum`);

  return {
    kind: "enum",
    nullable: true,
    values,
    valueDescriptions: readValueDescriptions(node["extend:descriptions"], raw, values, path),
    description,
    extendName,
    schemaPath: path,
  };
}

/**
 * Both lengths occur in the wild: one entry per enum member including null (the null's entry is then
 * dropped), or one per string value. Either way entries map by position; an empty string means "no
 * description". More entries than enum members cannot be mapped and are rejected.
 */
function readValueDescriptions(
  raw: unknown,
  enumMembers: readonly unknown[],
  values: readonly string[],
  path: string,
): (string | null)[] {
  if (raw === undefined) return values.map(() => null);
  const descriptionsPath = `${path}.extend:descriptions`;
  if (!Array.isArray(raw) || !raw.every((item) => typeof item === "string")) {
    throw schemaError(`"extend:descriptions" must be an array of strings.`, descriptionsPath);
  }
  if (raw.length > enumMembers.length) {
    throw schemaError(
      `"extend:descriptions" has ${raw.length} entries but "enum" has ${enumMembers.length} values.`,
      descriptionsPath,
    );
  }
  const entries: readonly string[] = raw;
  const perMember = entries.length === enumMembers.length;
  const byValue = perMember
    ? enumMembers.flatMap((member, index) => (member === null ? [] : [entries[index]]))
    : entries;
  return values.map((_, index) => {
    const text = byValue[index];
    return text === undefined || text === "" ? null : text;
  });
}
