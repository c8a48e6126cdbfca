/**
 * Extend's signature object (printed_name, signature_date, is_signed, title_or_role) read around a
 * signature label: name, date and title fields are searched in the lines near it; `is_signed` is true
 * when the signature line carries marks beyond the label ("/s/ J. Doe", a scribble the OCR read as
 * text), false when it is blank or only a rule (underscores), null when there is no signature label.
 */
import type { ExtractionObject, SignatureNode } from "../../../../domain/extraction-schema/index.ts";
import { emptyObjectFor } from "../../../../domain/extraction-schema/index.ts";
import { CONCEPTS } from "../lexicon/concepts.ts";
import { canonicalPhrase } from "../lexicon/phrase-pattern.ts";
import { metadataFor, summaryMetadata } from "../output/field-metadata.ts";
import { chooseCandidate } from "./choose-candidate.ts";
import { type ExtractionState, finishValue, record, scalarRequest } from "./field-context.ts";
import { scalarCandidates } from "./find-scalar.ts";
import type { ScalarNode } from "./read-field.ts";

const SIGNATURE_PHRASES = CONCEPTS.find((concept) => concept.id === "signature")!.phrases.map((phrase) => ({
  phrase: canonicalPhrase(phrase),
  quality: 1,
  source: "exact" as const,
}));
/** Lines this far above or below the signature label still belong to the signature block. */
const BLOCK_LINES = 5;

export function extractSignature(
  key: string,
  node: SignatureNode,
  path: string,
  state: ExtractionState,
): ExtractionObject {
  const value = emptyObjectFor(node);
  const lines = state.lines ?? state.layout.lines;
  const own = new Set(SIGNATURE_PHRASES.map((label) => label.phrase));
  const hit = lines
    .flatMap((line) => state.index.hits(line, SIGNATURE_PHRASES, "signature", own))
    .find((candidate) => !candidate.dominated);
  if (hit === undefined) return value;
  const region = lines.filter(
    (line) =>
      line.fileIndex === hit.line.fileIndex &&
      line.page === hit.line.page &&
      Math.abs(line.index - hit.line.index) <= BLOCK_LINES,
  );
  const scoped: ExtractionState = { ...state, lines: region };
  for (const field of node.fields) {
    if (field.key === "is_signed") continue;
    const request = scalarRequest(field.key, field as ScalarNode, false);
    const chosen = chooseCandidate(scalarCandidates(request, scoped), request.labels, state.rules);
    if (chosen === undefined) continue;
    value[field.key] = finishValue(chosen.value, state.rules);
    record(state, `${path}.${field.key}`, chosen);
  }
  // Marks after the label on its line (or right below it) that are not a rule or another label.
  const after = hit.line.tokens.slice(hit.endToken).filter((token) => /[\p{L}\p{N}/]/u.test(token.text));
  const signed = after.length > 0 && !after.every((token) => /^[_.\-:]+$/u.test(token.text));
  value.is_signed = signed;
  const cited = (
    signed ? hit.line.tokens.slice(hit.endToken) : hit.line.tokens.slice(hit.startToken, hit.endToken)
  ).map((token, offset) => ({
    line: hit.line,
    index: (signed ? hit.endToken : hit.startToken) + offset,
    token,
  }));
  state.metadata[`${path}.is_signed`] = metadataFor(
    cited,
    state.layout,
    state.options,
    `signature label '${hit.label.phrase}' on page ${hit.line.page}; ${signed ? "marks" : "nothing"} beside it`,
  );
  const children = node.fields
    .map((field) => state.metadata[`${path}.${field.key}`])
    .filter((entry) => entry !== undefined);
  state.metadata[path] = summaryMetadata(
    children,
    state.options,
    children.flatMap((child) => child.citations ?? []),
    `signature block around '${key}' label`,
  );
  return value;
}
