/**
 * LocalSchemaInferrer (EXTRACTION_ENGINE=local, the default): infers a schema from what the parse shows
 * — labelled values and header tables (document-fields.ts), typed from the values printed
 * (value-type.ts), keyed and merged across documents (inferred-properties.ts), narrowed to a field
 * list when the instructions are one (field-list.ts). Deterministic and offline. A document with no
 * labelled value and no header table (an empty page, plain prose) fails with SchemaGenerationError.
 */
import type { ExtendRootJsonSchema } from "../../../../domain/extraction-schema/index.ts";
import type { ExtractionDocument } from "../../field-extractor.ts";
import { readConventions } from "../../local/values/conventions.ts";
import {
  SchemaGenerationError,
  type SchemaInferenceRequest,
  type SchemaInferrer,
} from "../schema-inferrer.ts";
import { documentFields } from "./document-fields.ts";
import { fieldListOf, selectFields } from "./field-list.ts";
import { type InferredProperty, mergeProperties, propertiesOf } from "./inferred-properties.ts";
import { renderSchema } from "./render-schema.ts";
import { typeOfValue } from "./value-type.ts";

export class LocalSchemaInferrer implements SchemaInferrer {
  readonly kind = "local" as const;

  async infer(request: SchemaInferenceRequest, signal?: AbortSignal): Promise<ExtendRootJsonSchema> {
    signal?.throwIfAborted();
    const found = mergeProperties(request.documents.map(documentProperties));
    const names = fieldListOf(request.instructions);
    if (found.length === 0) {
      throw new SchemaGenerationError(
        'No schema could be inferred: the document has no labelled values ("Label: value") and no table with a header row. Pass config.schema.',
      );
    }
    return renderSchema(names === undefined ? found : selectFields(found, names));
  }
}

function documentProperties(document: ExtractionDocument): InferredProperty[] {
  const blocks = document.parse.chunks.flatMap((chunk) => chunk.blocks);
  const conventions = readConventions(blocks.flatMap((block) => block.content.split("\n")));
  return propertiesOf(
    documentFields(blocks, (value, label) => typeOfValue(value, label, conventions)),
    (value, label) => typeOfValue(value, label, conventions),
  );
}
