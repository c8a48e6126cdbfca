/**
 * A PDF page with display formulas drawn glyph by glyph as a math typesetter would: Greek and relations in
 * the Symbol font, variables in Times-Italic, superscripts and subscripts smaller and shifted off the
 * baseline, a fraction with a stroked bar between numerator and denominator, a radical with its overbar,
 * an equation number at the right margin, a display of two centred rows, and prose paragraphs around them. Test support only.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";

export async function formulaPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([612, 792]);
  const prose = await document.embedFont(StandardFonts.Helvetica);
  const italic = await document.embedFont(StandardFonts.TimesRomanItalic);
  const roman = await document.embedFont(StandardFonts.TimesRoman);
  const symbol = await document.embedFont(StandardFonts.Symbol);
  const text = (font: PDFFont, value: string, x: number, y: number, size = 12) =>
    page.drawText(value, { x, y, size, font });
  const bar = (target: PDFPage, x1: number, x2: number, y: number) =>
    target.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.5, color: rgb(0, 0, 0) });

  text(prose, "The energy of the system is bounded by the quantities defined in the previous", 72, 720, 11);
  text(prose, "section, and the bound is tight for every admissible configuration we tested:", 72, 706, 11);

  // E = α² + β_i ≤ π/2   (3)
  text(italic, "E", 220, 660);
  text(roman, "=", 232, 660);
  text(symbol, "α", 246, 660);
  text(roman, "2", 254, 665, 8);
  text(roman, "+", 262, 660);
  text(symbol, "β", 272, 660);
  text(italic, "i", 279, 657, 8);
  text(symbol, "≤", 288, 660);
  text(symbol, "π", 304, 669);
  bar(page, 301, 315, 664);
  text(roman, "2", 305, 654);
  text(prose, "(3)", 520, 660);

  text(
    prose,
    "where the constants come from the calibration run. The second relation gives the",
    72,
    630,
    11,
  );
  text(prose, "distance from the origin for each sample taken along the path of the particle:", 72, 616, 11);

  // x = √(y + 1)
  text(italic, "x", 240, 580);
  text(roman, "=", 250, 580);
  text(symbol, "√", 264, 580);
  const radicalWidth = symbol.widthOfTextAtSize("√", 12);
  bar(page, 264 + radicalWidth, 300, 580 + symbol.heightAtSize(12) * 0.78);
  text(italic, "y", 274, 580);
  text(roman, "+", 282, 580);
  text(roman, "1", 292, 580);

  text(
    prose,
    "Both relations hold with the same constants on every page of the report that follows,",
    72,
    550,
    11,
  );
  text(prose, "and the two limits below are the ones the calibration reaches in the long run:", 72, 536, 11);

  // Two rows, centred under each other: μ ≥ 0 and σ² = ν + 1.
  text(symbol, "μ", 262, 512);
  text(symbol, "≥", 274, 512);
  text(roman, "0", 288, 512);
  text(symbol, "σ", 252, 496);
  text(roman, "2", 260, 501, 8);
  text(roman, "=", 268, 496);
  text(symbol, "ν", 282, 496);
  text(roman, "+", 292, 496);
  text(roman, "1", 302, 496);

  text(
    prose,
    "Nothing else in this report depends on the constants, which we leave as they are.",
    72,
    470,
    11,
  );

  // Page 2: ∫₀¹ xⁿ dx = 1/(n + 1), the integral's limits set as scripts.
  const second = document.addPage([612, 792]);
  const on = (font: PDFFont, value: string, x: number, y: number, size = 12) =>
    second.drawText(value, { x, y, size, font });
  on(
    prose,
    "Integrating the power term over the unit interval gives the familiar closed form that",
    72,
    720,
    11,
  );
  on(prose, "we use for every coefficient of the expansion in the rest of this appendix:", 72, 706, 11);
  on(symbol, "∫", 220, 660, 20);
  on(roman, "1", 232, 674, 8);
  on(roman, "0", 230, 652, 8);
  on(italic, "x", 242, 660);
  on(italic, "n", 248, 665, 8);
  on(italic, "dx", 258, 660);
  on(roman, "=", 280, 660);
  on(roman, "1", 303, 668);
  bar(second, 294, 318, 664);
  on(italic, "n", 293, 654);
  on(roman, "+", 300, 654);
  on(roman, "1", 309, 654);
  on(prose, "The same bound then holds for each term, since every coefficient is at most one.", 72, 630, 11);
  return document.save();
}

/**
 * A two-column page: a numbered display formula centred in the left column while the right column's
 * prose runs past it on the same rows.
 */
export async function twoColumnFormulaPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([612, 792]);
  const roman = await document.embedFont(StandardFonts.TimesRoman);
  const italic = await document.embedFont(StandardFonts.TimesRomanItalic);
  const symbol = await document.embedFont(StandardFonts.Symbol);
  const text = (font: PDFFont, value: string, x: number, y: number) =>
    page.drawText(value, { x, y, size: 10, font });
  const right = [
    "the right column carries on with its own paragraph of text that",
    "runs down the page past the equation on the left side and keeps",
    "going with more words on every line so it looks like prose set in",
    "a justified column of a two-column conference paper layout here",
  ];
  for (let row = 0; row < 8; row++) text(roman, right[row % right.length]!, 320, 720 - 12 * row);
  text(roman, "In the left column we state the relation between the", 72, 720);
  text(roman, "two parameters that the experiments below rely upon:", 72, 708);
  text(italic, "y", 150, 690);
  text(roman, "=", 160, 690);
  text(symbol, "α", 172, 690);
  text(italic, "x", 180, 690);
  text(roman, "+", 188, 690);
  text(symbol, "β", 198, 690);
  text(roman, "(1)", 276, 690);
  text(roman, "where both parameters are fitted on the training data", 72, 672);
  text(roman, "and kept fixed for the remaining experiments we ran.", 72, 660);
  return document.save();
}
