/**
 * `npm run eval -- schema-inference [--write] [--quiet]`: the LocalSchemaInferrer on the invoice2data
 * invoices, end to end as a schemaless extract run does it — infer a schema from the parsed document,
 * extract with it (LocalFieldExtractor), then check against the maintainers' expected JSON whether the
 * invoice's key values (number, date, due date, total, untaxed, tax) appear among the extracted values
 * and under a property of the right type (dates under `extend:type: date`, amounts under currency or
 * number). With --write records it in docs/QUALITY.md.
 */

import { pathToFileURL } from "node:url";
import {
  type ExtendJsonSchema,
  type ExtendRootJsonSchema,
  validateExtractionSchema,
} from "../src/domain/extraction-schema/index.ts";
import { LocalFieldExtractor } from "../src/providers/extraction/local/local-field-extractor.ts";
import { invoiceCases } from "../src/providers/extraction/local/test-support/invoice2data.ts";
import {
  extractionDocument,
  parseCorpusFile,
} from "../src/providers/extraction/local/test-support/parsed-corpus.ts";
import { LocalSchemaInferrer } from "../src/providers/extraction/schema-inference/local/local-schema-inferrer.ts";
import { parseCorpusArgs } from "./support/corpus-args.ts";
import { type Provenance, provenance, QUALITY_DOC, writeQualitySection } from "./support/quality-doc.ts";

export const summary =
  "LocalSchemaInferrer: schemaless extraction of invoice2data key values, types, citations";

const USAGE = `usage: npm run eval -- schema-inference [--write] [--quiet]

  --write   replace the schema-inference section of docs/QUALITY.md with this run's figures
  --quiet   no per-document progress on stderr`;

/** Expected invoice2data keys every invoice template maps, and the property types that fit them. */
const KEY_VALUES: Readonly<Record<string, readonly string[]>> = {
  invoice_number: ["string"],
  date: ["date"],
  date_due: ["date"],
  amount: ["currency", "number"],
  amount_untaxed: ["currency", "number"],
  amount_tax: ["currency", "number"],
};

interface Row {
  readonly name: string;
  readonly inferred: boolean;
  readonly properties: number;
  readonly filled: number;
  readonly cited: number;
  readonly expected: number;
  readonly found: number;
  readonly typed: number;
  readonly inferMs: number;
}

export async function run(args: readonly string[]): Promise<number> {
  const parsed = parseCorpusArgs(args, USAGE, { acceptsCorpus: false });
  if (typeof parsed === "number") return parsed;
  const { log } = parsed;
  const rows: Row[] = [];
  for (const invoice of invoiceCases()) {
    const row = await evaluate(invoice.name, invoice.file, invoice.expected);
    log(`${row.name}: ${row.found}/${row.expected} key values, ${row.properties} properties`);
    rows.push(row);
  }
  const report = renderReport(rows, provenance());
  process.stdout.write(report);
  if (args.includes("--write")) {
    await writeQualitySection("schema-inference", report);
    log(`recorded in ${QUALITY_DOC}`);
  }
  return 0;
}

async function evaluate(name: string, file: string, expected: Record<string, unknown>): Promise<Row> {
  const document = extractionDocument(await parseCorpusFile(file));
  const keys = Object.keys(KEY_VALUES).filter((key) => isScalar(expected[key]));
  const started = performance.now();
  let schema: ExtendRootJsonSchema;
  try {
    schema = await new LocalSchemaInferrer().infer({ documents: [document], instructions: undefined });
  } catch {
    const none = { properties: 0, filled: 0, cited: 0, found: 0, typed: 0 };
    return { name, inferred: false, expected: keys.length, inferMs: performance.now() - started, ...none };
  }
  const inferMs = performance.now() - started;
  const output = await new LocalFieldExtractor().extract({
    schema: validateExtractionSchema(schema),
    documents: [document],
    extractionRules: undefined,
    options: {
      citationsEnabled: true,
      citationMode: "line",
      arrayCitationStrategy: "item",
      modelReasoningInsightsEnabled: false,
      arrayStrategy: undefined,
    },
  });
  const properties = Object.keys(schema.properties);
  let found = 0;
  let typed = 0;
  for (const key of keys) {
    const holder = properties.find((property) => holds(output.value[property], expected[key]));
    if (holder === undefined) continue;
    found++;
    if (KEY_VALUES[key]!.includes(typeOf(schema.properties[holder]!))) typed++;
  }
  return {
    name,
    inferred: true,
    properties: properties.length,
    filled: properties.filter((property) => !isEmpty(output.value[property])).length,
    cited: properties.filter((property) => (output.metadata[property]?.citations?.length ?? 0) > 0).length,
    expected: keys.length,
    found,
    typed,
    inferMs,
  };
}

/** Whether an extracted value is the expected one: numbers numerically, text folded ("#X" holds "X"). */
function holds(value: unknown, expected: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "object" && !Array.isArray(value)) {
    const amount = (value as { amount?: unknown }).amount;
    return typeof amount === "number" && typeof expected === "number" && Math.abs(amount - expected) < 0.005;
  }
  if (typeof value === "number" || typeof expected === "number")
    return Number(value) === Number(expected) && !Number.isNaN(Number(value));
  if (typeof value !== "string") return false;
  const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  const got = fold(value);
  const want = fold(String(expected));
  return got !== "" && want !== "" && (got === want || (got.includes(want) && want.length >= 6));
}

function typeOf(node: ExtendJsonSchema): string {
  return node["extend:type"] ?? (Array.isArray(node.type) ? node.type[0] : String(node.type));
}

function isScalar(value: unknown): boolean {
  return value !== null && value !== undefined && typeof value !== "object";
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every((inner) => inner === null);
  return false;
}

function renderReport(rows: readonly Row[], at: Provenance): string {
  const sum = (pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const inferred = rows.filter((row) => row.inferred).length;
  const lines = [
    "## Schema inference (LocalSchemaInferrer)",
    "",
    `${at.date}, commit ${at.commit}; ${at.machine}. A schemaless extract run on each invoice2data document: infer, then extract with the inferred schema.`,
    "",
    "| measure | result |",
    "| --- | --- |",
    `| documents with a schema inferred | ${inferred}/${rows.length} |`,
    `| key values (invoice number, date, due date, total, untaxed, tax) found among the extracted values | ${ratio(
      sum((row) => row.found),
      sum((row) => row.expected),
    )} |`,
    `| … of those, under a property of the right type (date / currency or number / string) | ${ratio(
      sum((row) => row.typed),
      sum((row) => row.found),
    )} |`,
    `| inferred properties filled by the extractor | ${ratio(
      sum((row) => row.filled),
      sum((row) => row.properties),
    )} |`,
    `| inferred properties cited on the page | ${ratio(
      sum((row) => row.cited),
      sum((row) => row.properties),
    )} |`,
    `| properties per document (mean) | ${(sum((row) => row.properties) / Math.max(1, rows.length)).toFixed(1)} |`,
    `| inference time per document (mean, ms) | ${(sum((row) => row.inferMs) / Math.max(1, rows.length)).toFixed(1)} |`,
    "",
    "| document | properties | filled | key values found | right type |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.inferred ? row.properties : "failed"} | ${row.filled} | ${row.found}/${row.expected} | ${row.typed}/${row.found} |`,
    ),
    "",
    "Key values the inferrer misses are mostly unlabelled on the page (a total printed as a bare amount, a",
    "date in a letterhead line); the expected JSON's other keys (partner addresses, template constants) are",
    "not scored here because nothing on the page labels them.",
  ];
  return `${lines.join("\n")}\n`;
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? "–" : `${part}/${whole} (${((100 * part) / whole).toFixed(1)} %)`;
}

// Runnable on its own as well as through eval/run.ts.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  process.exitCode = await run(process.argv.slice(2));
