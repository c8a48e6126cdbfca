/**
 * Font weight and slant from what pdf.js knows about a font. pdf.js hands font objects to the main thread
 * (`commonObjs`) only once a page's operator list has been read, and their PostScript `name` only with
 * `fontExtraProperties`; its own bold/italic flags are set for non-embedded fonts alone. So weight and
 * slant here are a heuristic over the PostScript name ("ABCDEF+TimesNewRoman,BoldItalic",
 * "Arial-BoldMT", TeX's "SFBX1000"): reliable for the usual naming, silent (undefined) for names that say
 * nothing, such as "F1" or a Type 3 font.
 */

export interface FontStyle {
  readonly bold: boolean;
  readonly italic: boolean;
}

/**
 * Weight words of style suffixes (after camel-case splitting): semibold and heavier count as bold,
 * "Medium"/"Md" do not; "Medi" is URW's name for the bold of Nimbus Roman.
 */
const BOLD_WORDS = /bold|black|heavy|\b(?:bd|sb|hv|blk|demi|medi|semibd|sbd|xbd)\b/iu;
const ITALIC_WORDS = /italic|oblique|slanted|kursiv|\b(?:it|ital|obl|itc)\b/iu;
/** TeX fonts encode the style in the family: cmbx/sfbx bold extended, cmti/sfti italic, sfbi both. */
const TEX_BOLD = /^(?:cmbx|cmb\d|cmssbx|sfbx|sfb\d|sfbi|sfsx|ecbx|ecsx|ecbi|tcbx)/iu;
const TEX_ITALIC = /^(?:cmti|cmsl|cmmi|cmbxti|cmbxsl|sfti|sfsl|sfbi|ecti|ecsl|ecbi|tcti)/iu;

/**
 * The style a PostScript font name announces, or undefined when the name is empty. The subset prefix
 * ("ABCDEF+") is dropped and only the style part is read for ordinary names, so a family called
 * "Boldface Sans" is still judged by its suffix.
 */
export function fontStyleFromName(postScriptName: string | undefined): FontStyle | undefined {
  if (postScriptName === undefined) return undefined;
  const name = postScriptName.replace(/^[A-Z]{6}\+/u, "").trim();
  if (name === "") return undefined;
  const texBold = TEX_BOLD.test(name);
  const texItalic = TEX_ITALIC.test(name);
  if (texBold || texItalic) return { bold: texBold, italic: texItalic };
  // "Family-Style", "Family,Style" or "FamilyStyle" (Arial-BoldItalicMT, TimesNewRoman,Bold, HelveticaBold).
  const separator = name.search(/[-,]/u);
  const style = separator >= 0 ? name.slice(separator) : name;
  const words = splitCamelCase(style);
  return { bold: BOLD_WORDS.test(words), italic: ITALIC_WORDS.test(words) };
}

/** "-BoldItalicMT" → "-Bold Italic MT", so word-boundary patterns see the parts. */
function splitCamelCase(style: string): string {
  return style.replace(/([a-z])([A-Z])/gu, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/gu, "$1 $2");
}

/** The part of pdf.js's PDFObjects (`page.commonObjs`) read here. */
export interface PdfFontStore {
  has(id: string): boolean;
  get(id: string): unknown;
}

/**
 * Styles of one document's fonts by pdf.js font id, remembered once found: pdf.js clears its font objects
 * now and then (document cleanup), and a font id always names the same font within a document. A font
 * not resolved yet (its page's operator list was not read) is looked up again on later pages.
 */
export class DocumentFontStyles {
  readonly #styles = new Map<string, FontStyle | null>();
  readonly #names = new Map<string, string>();

  /** The PostScript name of font `fontId` without its subset prefix, once pdf.js has resolved it. */
  name(fontId: string): string | undefined {
    return this.#names.get(fontId);
  }

  /** The style of font `fontId`, or undefined when pdf.js has not resolved it or its name says nothing. */
  lookup(store: PdfFontStore, fontId: string): FontStyle | undefined {
    const known = this.#styles.get(fontId);
    if (known !== undefined) return known ?? undefined;
    if (!store.has(fontId)) return undefined;
    const font = store.get(fontId) as { readonly name?: unknown } | null;
    const name = typeof font?.name === "string" ? font.name : undefined;
    if (name !== undefined) this.#names.set(fontId, name.replace(/^[A-Z]{6}\+/u, ""));
    const style = fontStyleFromName(name) ?? null;
    this.#styles.set(fontId, style);
    return style ?? undefined;
  }
}
