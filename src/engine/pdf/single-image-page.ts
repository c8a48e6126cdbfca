/**
 * Finds the one raster image a scanned page is made of, reading the page's content with pdf-lib (no
 * decoding of the image): the page, and any form XObjects it goes through, may only save and restore the
 * graphics state, transform, clip to rectangles and set an opaque ExtGState before painting exactly one
 * image. Anything else on the page (text, paths, a second image, annotations, soft masks, transfer
 * functions, optional content, transparency groups) means the page is not a plain scan: undefined, and the
 * caller renders it with pdf.js.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFPageLeaf,
  PDFRawStream,
} from "pdf-lib";
import { readContentOperations } from "./content-tokens.ts";
import { type Matrix, multiply } from "./matrix.ts";

/** A clip rectangle in the space of `matrix` (user space = matrix applied to the rectangle's corners). */
export interface ClipRectangle {
  readonly matrix: Matrix;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PageImage {
  /** The image XObject's stream, undecoded. */
  readonly stream: PDFRawStream;
  /** Maps the image's unit square to page user space (the CTM when it was painted). */
  readonly matrix: Matrix;
  /** Clips in force when it was painted (their intersection is where it shows). */
  readonly clips: readonly ClipRectangle[];
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const MAX_FORM_DEPTH = 4;
// Operators that set state no image painting depends on, with numeric operands; `ri` (the rendering
// intent, a name such as /Perceptual) only steers colour management, which the grey OCR raster leaves out.
const HARMLESS = new Set(["i", "w", "J", "j", "M"]);
// ExtGState entries that leave an opaque image's pixels as they are (CA/ca, BM and SMask are checked).
const HARMLESS_GSTATE = new Set([
  "Type",
  "LW",
  "LC",
  "LJ",
  "ML",
  "RI",
  "OP",
  "op",
  "OPM",
  "FL",
  "SM",
  "SA",
  "TK",
]);

/** The page's only image with where it is painted, or undefined when the page is anything more. */
export function singlePageImage(page: PDFPageLeaf): PageImage | undefined {
  const annotations = page.Annots();
  if (annotations !== undefined && annotations.size() > 0) return undefined;
  const contents = page.Contents();
  const streams: PDFObject[] = [];
  if (contents instanceof PDFArray)
    for (let i = 0; i < contents.size(); i++) {
      const entry = contents.lookup(i);
      if (entry === undefined) return undefined;
      streams.push(entry);
    }
  else if (contents !== undefined) streams.push(contents);
  const parts: Uint8Array[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) return undefined;
    parts.push(decodePDFRawStream(stream).decode(), new Uint8Array([0x0a]));
  }
  const content = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    content.set(part, offset);
    offset += part.length;
  }
  const found: PageImage[] = [];
  const ok = walk(content, page.Resources(), { matrix: IDENTITY, clips: [] }, found, 0);
  return ok && found.length === 1 ? found[0] : undefined;
}

interface State {
  readonly matrix: Matrix;
  readonly clips: readonly ClipRectangle[];
}

/** Walks one content stream, collecting painted images; false on anything a plain scan does not do. */
function walk(
  content: Uint8Array,
  resources: PDFDict | undefined,
  start: State,
  found: PageImage[],
  depth: number,
): boolean {
  const operations = readContentOperations(content);
  if (operations === undefined) return false;
  const stack: State[] = [];
  let state = start;
  let rectangle: ClipRectangle | undefined;
  let clipPending = false;
  for (const { operator, operands } of operations) {
    const numbers = operands.every((operand) => typeof operand === "number")
      ? (operands as number[])
      : undefined;
    if (rectangle !== undefined && operator !== "W" && operator !== "W*" && operator !== "n") return false;
    switch (operator) {
      case "q":
        stack.push(state);
        break;
      case "Q": {
        const saved = stack.pop();
        if (saved === undefined) return false;
        state = saved;
        break;
      }
      case "cm":
        if (numbers?.length !== 6) return false;
        state = { ...state, matrix: multiply(state.matrix, numbers as unknown as Matrix) };
        break;
      case "re": {
        const [x, y, width, height] = numbers ?? [];
        if (
          numbers?.length !== 4 ||
          x === undefined ||
          y === undefined ||
          width === undefined ||
          height === undefined
        )
          return false;
        rectangle = { matrix: state.matrix, x, y, width, height };
        break;
      }
      case "W":
      case "W*":
        if (rectangle === undefined) return false;
        clipPending = true;
        break;
      case "n":
        if (rectangle !== undefined && clipPending) state = { ...state, clips: [...state.clips, rectangle] };
        rectangle = undefined;
        clipPending = false;
        break;
      case "gs":
        if (!opaqueGraphicsState(resourceEntry(resources, "ExtGState", operands[0]))) return false;
        break;
      case "Do": {
        const object = resourceEntry(resources, "XObject", operands[0]);
        if (!(object instanceof PDFRawStream)) return false;
        if (!paintXObject(object, resources, state, found, depth)) return false;
        break;
      }
      case "ri":
        if (operands.length !== 1 || typeof operands[0] !== "string") return false;
        break;
      default:
        if (!HARMLESS.has(operator) || numbers === undefined) return false;
    }
  }
  return rectangle === undefined;
}

function paintXObject(
  object: PDFRawStream,
  resources: PDFDict | undefined,
  state: State,
  found: PageImage[],
  depth: number,
): boolean {
  const dict = object.dict;
  if (dict.has(PDFName.of("OC"))) return false;
  const subtype = dict.get(PDFName.of("Subtype"));
  if (subtype === PDFName.of("Image")) {
    found.push({ stream: object, matrix: state.matrix, clips: state.clips });
    return found.length === 1;
  }
  if (subtype !== PDFName.of("Form") || depth >= MAX_FORM_DEPTH || dict.has(PDFName.of("Group")))
    return false;
  const formMatrix = numberArray(dict.lookup(PDFName.of("Matrix"))) ?? [...IDENTITY];
  const box = numberArray(dict.lookup(PDFName.of("BBox")));
  if (formMatrix.length !== 6 || box?.length !== 4) return false;
  const matrix = multiply(state.matrix, formMatrix as unknown as Matrix);
  const [x1, y1, x2, y2] = box as [number, number, number, number];
  const bbox = {
    matrix,
    x: Math.min(x1, x2),
    y: Math.min(y1, y2),
    width: Math.abs(x2 - x1),
    height: Math.abs(y2 - y1),
  };
  const own = dict.lookup(PDFName.of("Resources"));
  const formResources = own instanceof PDFDict ? own : resources;
  const content = decodePDFRawStream(object).decode();
  return walk(content, formResources, { matrix, clips: [...state.clips, bbox] }, found, depth + 1);
}

function resourceEntry(
  resources: PDFDict | undefined,
  kind: string,
  name: number | string | undefined,
): PDFObject | undefined {
  if (typeof name !== "string" || resources === undefined) return undefined;
  const group = resources.lookup(PDFName.of(kind));
  return group instanceof PDFDict ? group.lookup(PDFName.of(name.slice(1))) : undefined;
}

/** An ExtGState that paints an image as it is: fully opaque, normal blending, no soft mask. */
function opaqueGraphicsState(object: PDFObject | undefined): boolean {
  if (!(object instanceof PDFDict)) return false;
  for (const [key, value] of object.entries()) {
    const name = key.decodeText();
    if (HARMLESS_GSTATE.has(name)) continue;
    if (name === "CA" || name === "ca") {
      if (!(value instanceof PDFNumber) || value.asNumber() !== 1) return false;
    } else if (name === "BM") {
      if (value !== PDFName.of("Normal") && value !== PDFName.of("Compatible")) return false;
    } else if (name === "SMask") {
      if (value !== PDFName.of("None")) return false;
    } else if (name === "AIS") {
      if (value !== PDFBool.False) return false;
    } else return false;
  }
  return true;
}

function numberArray(object: PDFObject | undefined): number[] | undefined {
  if (!(object instanceof PDFArray)) return undefined;
  const values: number[] = [];
  for (let i = 0; i < object.size(); i++) {
    const entry = object.lookup(i);
    if (!(entry instanceof PDFNumber)) return undefined;
    values.push(entry.asNumber());
  }
  return values;
}
