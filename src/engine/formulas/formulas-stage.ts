/**
 * The `formulas` page stage (after layout, before tables): display formulas of digital PDFs become
 * `formula` blocks carrying LaTeX (page-formulas.ts). blockOptions.formulas.enabled === false leaves
 * them as text, as the contract says ("formulas will be detected as text blocks"); the contract gives no
 * default, and Quire's is on (the detection is cheap and reads only the text layer and rulings).
 */
import type { PageStage } from "../pipeline/stage.ts";
import { formulaPage } from "./page-formulas.ts";

export const formulasStage: PageStage = {
  id: "formulas",
  scope: "page",
  run(context, page) {
    if (context.options.config?.blockOptions?.formulas?.enabled === false) return;
    formulaPage(page);
  },
};
