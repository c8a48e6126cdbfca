/**
 * Form field widgets of a PDF page (pdf.js `getAnnotations()`): checkboxes and radio buttons with their
 * state, text and choice fields with the text they display. pdf.js gives a text field's formatted text
 * (`textContent`, e.g. "(123) 456-7890" for a phone field) when it can, else its raw value. Hidden
 * widgets, push buttons, signatures and empty fields are left out. Failures yield no fields.
 */
import { type Box, boxAroundPoints } from "../document/box.ts";
import type { FormField } from "../document/form-field.ts";
import { applyToPoint, type Matrix } from "./matrix.ts";
import type { PDFPageProxy } from "./pdfjs.ts";

/** pdf.js AnnotationType.WIDGET. */
const WIDGET = 20;

interface WidgetData {
  readonly annotationType?: number;
  readonly fieldType?: string;
  readonly fieldValue?: unknown;
  readonly exportValue?: unknown;
  readonly buttonValue?: unknown;
  readonly checkBox?: boolean;
  readonly radioButton?: boolean;
  readonly textContent?: unknown;
  readonly rect?: unknown;
  readonly hidden?: boolean;
  readonly noView?: boolean;
}

export async function readFormFields(page: PDFPageProxy, viewportTransform: Matrix): Promise<FormField[]> {
  let annotations: WidgetData[];
  try {
    annotations = (await page.getAnnotations({ intent: "display" })) as WidgetData[];
  } catch {
    return [];
  }
  const fields: FormField[] = [];
  for (const annotation of annotations) {
    if (annotation.annotationType !== WIDGET || annotation.hidden === true || annotation.noView === true)
      continue;
    const box = pageBox(annotation.rect, viewportTransform);
    if (box === undefined) continue;
    const field = describe(annotation, box);
    if (field !== undefined) fields.push(field);
  }
  return fields;
}

function describe(widget: WidgetData, box: Box): FormField | undefined {
  const value = widget.fieldValue;
  if (widget.fieldType === "Btn") {
    if (widget.checkBox === true) {
      const checked =
        typeof value === "string" &&
        value !== "Off" &&
        (typeof widget.exportValue !== "string" || value === widget.exportValue);
      return { kind: "checkbox", box, checked };
    }
    if (widget.radioButton === true)
      return { kind: "checkbox", box, checked: typeof value === "string" && value === widget.buttonValue };
    return undefined; // push buttons
  }
  if (widget.fieldType === "Tx" || widget.fieldType === "Ch") {
    const shown = Array.isArray(widget.textContent)
      ? widget.textContent.filter((part): part is string => typeof part === "string").join("\n")
      : Array.isArray(value)
        ? value.filter((part): part is string => typeof part === "string").join(", ")
        : typeof value === "string"
          ? value
          : "";
    const text = shown.trim();
    return text === "" ? undefined : { kind: "text", box, text };
  }
  return undefined;
}

/** The annotation rectangle [x1, y1, x2, y2] (PDF user space) in page points, top-left origin. */
function pageBox(rect: unknown, transform: Matrix): Box | undefined {
  if (
    !Array.isArray(rect) ||
    rect.length !== 4 ||
    !rect.every((n) => typeof n === "number" && Number.isFinite(n))
  )
    return undefined;
  const [x1, y1, x2, y2] = rect as [number, number, number, number];
  return boxAroundPoints([
    applyToPoint(transform, { x: x1, y: y1 }),
    applyToPoint(transform, { x: x2, y: y2 }),
  ]);
}
