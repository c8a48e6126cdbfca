/**
 * Public entry of the extraction-schema module: Extend's 2026-02-09 schema dialect (validation into a
 * normalized tree), the empty output shaped like a schema, and schema inference from an example value.
 */
export { currencyJsonSchema } from "./custom-types.ts";
export {
  type ExtractionObject,
  type ExtractionValue,
  emptyObjectFor,
  emptyOutputFor,
  emptyValueFor,
} from "./empty-output.ts";
export { inferSchemaFromValue } from "./infer-schema-from-value.ts";
export type {
  ArrayItemNode,
  ArrayNode,
  CurrencyNode,
  EnumNode,
  ExtendJsonSchema,
  ExtendRootJsonSchema,
  FieldContainerNode,
  ObjectNode,
  PrimitiveNode,
  PrimitiveType,
  SchemaField,
  SchemaKind,
  SchemaNode,
  SignatureNode,
  ValidatedSchema,
} from "./schema-node.ts";
export { toExtendJsonSchema } from "./to-extend-json-schema.ts";
export { MAX_NESTING_DEPTH, validateExtractionSchema } from "./validate-extraction-schema.ts";
