/**
 * Test and eval support only: FUNSD forms (scanned, human-annotated) as extraction cases. The engine has
 * no OCR yet, so the document is the annotation's own words (perfect OCR, pixel boxes); the schema asks
 * one string field per question (`extend:name` = the question as printed); the expected value is the
 * linked answer. Scores: question→answer link precision/recall/F1 and citation overlap with the answer.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Extend } from "extend-ai";
import type { ExtendRootJsonSchema } from "../../../../domain/extraction-schema/index.ts";
import type { DocumentWord, ExtractionDocument } from "../../field-extractor.ts";
import { CORPUS_ROOT } from "./parsed-corpus.ts";

const FUNSD_DIR = "funsd-testset/testing_data/";

interface FunsdEntity {
  readonly id: number;
  readonly text: string;
  readonly box: readonly [number, number, number, number];
  readonly label: "question" | "answer" | "header" | "other";
  readonly words: readonly {
    readonly text: string;
    readonly box: readonly [number, number, number, number];
  }[];
  readonly linking: readonly (readonly [number, number])[];
}

export interface FunsdQuestion {
  readonly key: string;
  readonly question: string;
  /** The linked answers' text in reading order, or null when the question has no answer. */
  readonly answer: string | null;
  readonly answerBoxes: readonly { left: number; top: number; right: number; bottom: number }[];
}

export interface FunsdCase {
  readonly name: string;
  readonly document: ExtractionDocument;
  readonly schema: ExtendRootJsonSchema;
  readonly questions: readonly FunsdQuestion[];
}

export function funsdCases(): FunsdCase[] {
  const folder = new URL(`${FUNSD_DIR}annotations/`, CORPUS_ROOT);
  return readdirSync(folder)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const name = file.slice(0, -".json".length);
      const form = (JSON.parse(readFileSync(new URL(file, folder), "utf8")) as { form: FunsdEntity[] }).form;
      const size = pngSize(readFileSync(new URL(`${FUNSD_DIR}images/${name}.png`, CORPUS_ROOT)));
      return { name, ...caseOf(form, size), document: documentOf(form, size) };
    });
}

function caseOf(form: readonly FunsdEntity[], _size: { width: number; height: number }) {
  const byId = new Map(form.map((entity) => [entity.id, entity]));
  const properties: ExtendRootJsonSchema["properties"] = {};
  const questions: FunsdQuestion[] = [];
  const taken = new Set<string>();
  const ordered = form
    .filter((entity) => entity.label === "question" && /[\p{L}\p{N}]/u.test(entity.text))
    .sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  for (const entity of ordered) {
    const base =
      entity.text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, "_")
        .replace(/^_+|_+$/gu, "")
        .slice(0, 60) || "question";
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
    taken.add(key);
    const answers = entity.linking
      .map(([from, to]) => byId.get(from === entity.id ? to : from))
      .filter((other): other is FunsdEntity => other !== undefined && other.label === "answer")
      .sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
    const text = answers
      .map((answer) => answer.text.trim())
      .filter((answerText) => answerText !== "")
      .join(" ");
    properties[key] = { type: ["string", "null"], "extend:name": entity.text.trim().slice(0, 200) };
    questions.push({
      key,
      question: entity.text.trim(),
      answer: text === "" ? null : text,
      answerBoxes: answers.map(({ box }) => ({ left: box[0], top: box[1], right: box[2], bottom: box[3] })),
    });
  }
  const schema: ExtendRootJsonSchema = {
    type: "object",
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
  return { schema, questions };
}

/** The annotation's words as OCR words (pixels, top-left origin) and one page-sized block. */
function documentOf(
  form: readonly FunsdEntity[],
  size: { width: number; height: number },
): ExtractionDocument {
  const words: DocumentWord[] = form.flatMap((entity) =>
    entity.words
      .filter((word) => word.text.trim() !== "")
      .map((word) => ({
        content: word.text,
        pageNumber: 1,
        boundingBox: { left: word.box[0], top: word.box[1], right: word.box[2], bottom: word.box[3] },
        confidence: 1,
      })),
  );
  const block: Extend.Block = {
    object: "block",
    id: "funsd-page",
    type: "text",
    content: words.map((word) => word.content).join(" "),
    details: {},
    metadata: { page: { number: 1, width: size.width, height: size.height } },
    polygon: [
      { x: 0, y: 0 },
      { x: size.width, y: 0 },
      { x: size.width, y: size.height },
      { x: 0, y: size.height },
    ],
    boundingBox: { left: 0, top: 0, right: size.width, bottom: size.height },
  };
  const chunk: Extend.Chunk = {
    object: "chunk",
    type: "page",
    content: block.content,
    metadata: { pageRange: { start: 1, end: 1 } },
    blocks: [block],
  };
  return { fileId: undefined, parse: { chunks: [chunk] }, words };
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  // IHDR is the first chunk: width and height are big-endian at bytes 16 and 20.
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface LinkScore {
  /** Question→answer links: a predicted value is a correct link when most of its cited area lies in a linked answer. */
  readonly link: Counts;
  /** The stricter reading: the value's words equal the answer's words. */
  readonly text: Counts;
  /** Predicted values of answered questions whose cited polygon overlaps the answer's box. */
  readonly citedOverlap: number;
  readonly citedTotal: number;
}

export interface Counts {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

type Box = { left: number; top: number; right: number; bottom: number };

/** Scores one form; run the extraction with citationMode "word" so citations outline the value's words. */
export function scoreForm(formCase: FunsdCase, output: Extend.ExtractOutputJson): LinkScore {
  const link = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const text = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  let citedOverlap = 0;
  let citedTotal = 0;
  const count = (counts: typeof link, predicted: boolean, correct: boolean, expected: boolean) => {
    if (correct) counts.truePositives++;
    else {
      if (predicted) counts.falsePositives++;
      if (expected) counts.falseNegatives++;
    }
  };
  for (const question of formCase.questions) {
    const value = output.value[question.key];
    const predicted = typeof value === "string" && value.trim() !== "" ? value : null;
    const boxes = (output.metadata[question.key]?.citations ?? []).flatMap((citation) => {
      const box = boxOf(citation.polygon ?? []);
      return box === undefined ? [] : [box];
    });
    const expected = question.answer !== null;
    const inside = boxes.reduce((sum, box) => sum + areaInside(box, question.answerBoxes), 0);
    const area = boxes.reduce((sum, box) => sum + areaOf(box), 0);
    count(
      link,
      predicted !== null,
      predicted !== null && expected && area > 0 && inside >= 0.5 * area,
      expected,
    );
    count(
      text,
      predicted !== null,
      predicted !== null && expected && sameAnswer(predicted, question.answer!),
      expected,
    );
    if (predicted !== null && expected) {
      citedTotal++;
      if (boxes.some((box) => question.answerBoxes.some((answer) => intersection(box, answer) > 0)))
        citedOverlap++;
    }
  }
  return { link, text, citedOverlap, citedTotal };
}

export function f1(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.truePositives / Math.max(1, counts.truePositives + counts.falsePositives);
  const recall = counts.truePositives / Math.max(1, counts.truePositives + counts.falseNegatives);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/** Same words after case folding and spacing, in any order (an answer of several boxes has no order). */
export function sameAnswer(predicted: string, expected: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[\s]+/u)
      .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
      .filter((word) => word !== "")
      .sort()
      .join(" ");
  return words(predicted) === words(expected);
}

function boxOf(polygon: readonly { x: number; y: number }[]): Box | undefined {
  if (polygon.length === 0) return undefined;
  const xs = polygon.map((point) => point.x);
  const ys = polygon.map((point) => point.y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

function areaOf(box: Box): number {
  return Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top);
}

function intersection(a: Box, b: Box): number {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Area of `box` inside any of `boxes` (the answer boxes of one question do not overlap). */
function areaInside(box: Box, boxes: readonly Box[]): number {
  return Math.min(
    areaOf(box),
    boxes.reduce((sum, other) => sum + intersection(box, other), 0),
  );
}
