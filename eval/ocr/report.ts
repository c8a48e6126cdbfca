/**
 * Markdown for the OCR suite: targets, CER/WER per image and column (full parse, raw engine, raw CLI
 * baseline), FUNSD word recall/precision/IoU, and the docling rotation smoke check. The same text goes
 * to stdout and, with --write, into docs/QUALITY.md.
 */
import type { Provenance } from "../support/quality-doc.ts";
import type { DoclingOcrResult } from "./docling-ocr.ts";
import type { FunsdResult } from "./funsd.ts";
import { type GtResult, RAW_CLI } from "./tesseract-gt.ts";

export interface OcrResults {
  readonly engines: readonly string[];
  readonly gt: readonly GtResult[];
  readonly funsd: FunsdResult | undefined;
  readonly docling: readonly DoclingOcrResult[];
  readonly totalMs: number;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const fixed = (value: number) => value.toFixed(3);
const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
const met = (ok: boolean) => (ok ? "yes" : "**no**");

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function gtColumns(gt: readonly GtResult[]): string[] {
  const labels = new Set<string>();
  for (const result of gt) for (const label of result.rates.keys()) labels.add(label);
  return [RAW_CLI, ...[...labels].filter((label) => label !== RAW_CLI)];
}

function meanOf(gt: readonly GtResult[], label: string, key: "cer" | "wer"): number {
  return mean(gt.flatMap((result) => (result.rates.has(label) ? [result.rates.get(label)![key]] : [])));
}

export function renderOcrReport(results: OcrResults, provenance: Provenance): string {
  const { gt, funsd, docling } = results;
  const columns = gtColumns(gt);
  const parseColumns = columns.filter((label) => label.startsWith("parse"));
  const out: string[] = [
    `## ocr — ${provenance.date}, commit ${provenance.commit}`,
    "",
    `Machine: ${provenance.machine}. Run: \`npm run eval -- ocr\` (${(results.totalMs / 1000).toFixed(0)} s in total; ` +
      `the machine is shared, so times are indicative). OCR engines: ${results.engines.join(", ") || "none available"}.`,
    "",
    "**parse** = the full engine on the image file as an upload runs (worker thread, default config + " +
      "`pageRotationEnabled`, `returnOcr.words`); **raw engine** = the OcrEngine on the decoded image at " +
      "300 DPI, no rotation or layout; **raw `tesseract` CLI** = `tesseract <file> stdout -l eng tsv`, the " +
      "baseline. CER/WER: Levenshtein over whitespace-normalised text ÷ ground-truth length (characters / " +
      "words), curly quotes and dashes folded to ASCII on both sides (the ISRI transcriptions are ASCII); " +
      "the parse's text is its markdown stripped of syntax (eval/metrics/text-normalize.ts).",
    "",
    "### Targets",
    "",
  ];
  const targets: Array<[string, string, string]> = [];
  for (const label of parseColumns) {
    const cer = meanOf(gt, label, "cer");
    targets.push([`tesseract-ocr-gt mean CER ≤ 2% (${label})`, percent(cer), met(cer <= 0.02)]);
  }
  if (funsd !== undefined)
    for (const [label, total] of funsd.totals) {
      if (!label.startsWith("parse")) continue;
      const recall = total.counts.matched / Math.max(1, total.counts.expected);
      targets.push([`FUNSD word recall ≥ 0.90 (${label})`, fixed(recall), met(recall >= 0.9)]);
    }
  out.push(table(["target", "measured", "met"], targets), "");

  out.push("### tesseract-ocr-gt: CER / WER per image", "");
  out.push(
    table(
      ["image", ...columns],
      [
        ...gt.map((result) => [
          result.name,
          ...columns.map((label) => {
            const rates = result.rates.get(label);
            if (rates === undefined) return "—";
            const cell = `${percent(rates.cer)} / ${percent(rates.wer)}`;
            return rates.failure === undefined ? cell : `${cell} (failed)`;
          }),
        ]),
        [
          "**mean**",
          ...columns.map(
            (label) => `**${percent(meanOf(gt, label, "cer"))} / ${percent(meanOf(gt, label, "wer"))}**`,
          ),
        ],
      ],
    ),
    "",
  );

  if (funsd !== undefined) {
    out.push(
      `### FUNSD test split: words (${funsd.forms} forms)`,
      "",
      "A ground-truth word is found when an OCR word has the same text (NFKC, case-insensitive; punctuation " +
        "counts) and IoU ≥ 0.5 with its box; one-to-one, best IoU first. Empty annotation words are left out.",
      "",
      table(
        ["reader", "recall", "precision", "mean IoU of matches", "GT words", "OCR words", "s/form"],
        [...funsd.totals].map(([label, total]) => [
          label,
          fixed(total.counts.matched / Math.max(1, total.counts.expected)),
          fixed(total.counts.matched / Math.max(1, total.counts.predicted)),
          fixed(total.counts.iouSum / Math.max(1, total.counts.matched)),
          total.counts.expected,
          total.counts.predicted,
          (total.ms / 1000 / Math.max(1, funsd.forms)).toFixed(2) +
            (total.failures > 0 ? ` (${total.failures} failed)` : ""),
        ]),
      ),
      "",
    );
  }

  if (docling.length > 0) {
    const kinds = [...new Set(docling.flatMap((result) => [...result.scores.keys()]))];
    out.push(
      "### docling ocr_test*.pdf (rotation smoke check)",
      "",
      "Full parse vs docling's tesseract full-page markdown: normalised edit distance / CER.",
      "",
      table(
        ["document", ...kinds],
        docling.map((result) => [
          result.name,
          ...kinds.map((kind) => {
            const score = result.scores.get(kind);
            if (score === undefined) return "—";
            return `${fixed(score.distance)} / ${percent(score.cer)}${score.failure === undefined ? "" : " (failed)"}`;
          }),
        ]),
      ),
      "",
    );
  }
  return `${out.join("\n").trimEnd()}\n`;
}
