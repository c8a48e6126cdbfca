/**
 * Picks a field's value among its scored candidates, honouring the extraction rules that concern choice
 * (largest or last total, first or last occurrence), and says in words why — the reasoning insight.
 */
import type { FieldLabels } from "../labels/field-labels.ts";
import type { ExtractionRules } from "../rules/extraction-rules.ts";
import type { Candidate } from "./find-scalar.ts";

/** Below this score a candidate is a guess, and Extend's contract prefers null to a guess. */
export const MIN_SCORE = 0.15;
/** Rules choose among candidates at least this close to the best one. */
const RULE_BAND = 0.5;

export function chooseCandidate(
  candidates: readonly Candidate[],
  labels: FieldLabels,
  rules: ExtractionRules,
): Candidate | undefined {
  const best = candidates[0];
  if (best === undefined || best.score < MIN_SCORE) return undefined;
  const band = candidates.filter(
    (candidate) => candidate.score >= Math.max(MIN_SCORE, RULE_BAND * best.score),
  );
  const isTotal = labels.concepts.some((concept) => concept.id === "total");
  if (isTotal && rules.totals !== "best") {
    const numeric = band.filter((candidate) => typeof amountOf(candidate) === "number");
    if (numeric.length > 0) {
      if (rules.totals === "largest")
        return numeric.reduce((a, b) => ((amountOf(b) as number) > (amountOf(a) as number) ? b : a));
      return numeric.reduce((a, b) => (position(b) > position(a) ? b : a));
    }
  }
  if (rules.occurrence !== "best") {
    const close = band.filter((candidate) => candidate.score >= 0.9 * best.score);
    return close.reduce((a, b) =>
      rules.occurrence === "last" ? (position(b) > position(a) ? b : a) : position(b) < position(a) ? b : a,
    );
  }
  return best;
}

function amountOf(candidate: Candidate): unknown {
  const value = candidate.value;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return value.amount;
  return value;
}

function position(candidate: Candidate): number {
  const first = candidate.tokens[0];
  return first === undefined ? -1 : first.line.index * 10_000 + first.index;
}

const PLACE_WORDS = {
  inline: "right after it",
  right: "to its right",
  below: "below it",
  left: "just before it (a checkbox)",
  pattern: "recognised by its form (no label)",
  document: "read from the document as a whole",
} as const;

/** "matched label 'Invoice #' (synonym, score 0.81) on page 1, value to its right". */
export function explain(candidate: Candidate): string {
  const page = candidate.tokens[0]?.line.page ?? 1;
  const score = candidate.score.toFixed(2);
  const hit = candidate.hit;
  if (hit === undefined) return `value ${PLACE_WORDS[candidate.place]} on page ${page} (score ${score})`;
  const printed = hit.line.tokens
    .slice(hit.startToken, hit.endToken)
    .map((token) => token.text)
    .join(" ");
  const quality = hit.dominated ? `${hit.label.source}, part of a longer label` : hit.label.source;
  return `matched label '${printed}' (${quality}, score ${score}) on page ${hit.line.page}, value ${PLACE_WORDS[candidate.place]}`;
}
