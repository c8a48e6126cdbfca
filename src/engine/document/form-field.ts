/**
 * An interactive form field's widget as a page shows it (PDF AcroForm): its box in page points (top-left
 * origin) and what it displays — a tick state for checkboxes and radio buttons, the text for text and
 * choice fields. The values live in annotations, not in the page's text, so layout/ adds them as words.
 */
import type { Box } from "./box.ts";

export type FormField =
  | { readonly kind: "checkbox"; readonly box: Box; readonly checked: boolean }
  | { readonly kind: "text"; readonly box: Box; readonly text: string };
