/**
 * What a Word paragraph's style and numbering say about it: heading level (Title, "Heading N" styles,
 * outline levels) from styles.xml, and list markers from numbering.xml (numbering instances, their
 * abstract definitions, level overrides and running counters).
 */
import { child, childrenNamed, intAttribute, parseXml, type XmlElement } from "./xml-tree.ts";

interface StyleInfo {
  readonly name: string;
  readonly basedOn: string | undefined;
  readonly outlineLevel: number | undefined;
  readonly numId: string | undefined;
  readonly ilvl: number | undefined;
  /** The Latin font the style sets (rPr/rFonts w:ascii), if any. */
  readonly font: string | undefined;
}

export class DocxStyles {
  readonly #styles = new Map<string, StyleInfo>();
  /** The document's default Latin font (docDefaults), and the default paragraph style's id. */
  readonly #defaultFont: string | undefined;
  readonly #defaultParagraphStyle: string | undefined;

  constructor(xml: string | undefined) {
    const root = xml === undefined ? undefined : child(parseXml(xml), "w:styles");
    this.#defaultFont = fontOf(child(child(child(root, "w:docDefaults"), "w:rPrDefault"), "w:rPr"));
    this.#defaultParagraphStyle = childrenNamed(root, "w:style").find(
      (style) => style.attributes["w:type"] === "paragraph" && style.attributes["w:default"] === "1",
    )?.attributes["w:styleId"];
    for (const style of childrenNamed(root, "w:style")) {
      const id = style.attributes["w:styleId"];
      if (id === undefined) continue;
      const pPr = child(style, "w:pPr");
      const numPr = child(pPr, "w:numPr");
      this.#styles.set(id, {
        name: (child(style, "w:name")?.attributes["w:val"] ?? id).toLowerCase(),
        basedOn: child(style, "w:basedOn")?.attributes["w:val"],
        outlineLevel: intAttribute(child(pPr, "w:outlineLvl"), "w:val"),
        numId: child(numPr, "w:numId")?.attributes["w:val"],
        ilvl: intAttribute(child(numPr, "w:ilvl"), "w:val"),
        font: fontOf(child(style, "w:rPr")),
      });
    }
  }

  /**
   * Markdown heading level of a paragraph in style `styleId` with outline level `outline` (pPr), or
   * undefined for body text: Title is 1, "Heading N" is N + 1 (so a document's title outranks its
   * chapters), as is an explicit outline level N − 1.
   */
  headingLevel(styleId: string | undefined, outline: number | undefined): number | undefined {
    const name = this.#name(styleId, styleId);
    if (name === "title") return 1;
    const match = /^heading\s*(\d)$/u.exec(name ?? "");
    if (match !== null) return Math.min(6, Number(match[1]) + 1);
    const level = outline ?? this.#chain(styleId, (style) => style.outlineLevel);
    return level !== undefined && level >= 0 && level < 9 ? Math.min(6, level + 2) : undefined;
  }

  /** The style's name (lower case), from the style itself or a style it is based on. */
  #name(styleId: string | undefined, fallback: string | undefined): string | undefined {
    return styleId === undefined ? fallback : (this.#styles.get(styleId)?.name ?? styleId.toLowerCase());
  }

  /** The style's name, lower case ("normal", "list paragraph"), or undefined. */
  styleName(styleId: string | undefined): string | undefined {
    return styleId === undefined ? undefined : this.#styles.get(styleId)?.name;
  }

  /**
   * The Latin font text in paragraph style `styleId` (or character style) is set in: the style's own,
   * one it is based on, the default paragraph style's, or the document default.
   */
  font(styleId: string | undefined): string | undefined {
    return (
      this.#chain(styleId ?? this.#defaultParagraphStyle, (style) => style.font) ??
      (styleId === undefined ? undefined : this.#chain(this.#defaultParagraphStyle, (style) => style.font)) ??
      this.#defaultFont
    );
  }

  /** Numbering the style (or one it is based on) applies, as numId and level. */
  numbering(styleId: string | undefined): { numId: string; ilvl: number } | undefined {
    const numId = this.#chain(styleId, (style) => style.numId);
    if (numId === undefined) return undefined;
    return { numId, ilvl: this.#chain(styleId, (style) => style.ilvl) ?? 0 };
  }

  #chain<T>(styleId: string | undefined, pick: (style: StyleInfo) => T | undefined): T | undefined {
    const seen = new Set<string>();
    let id = styleId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const style = this.#styles.get(id);
      if (style === undefined) return undefined;
      const value = pick(style);
      if (value !== undefined) return value;
      id = style.basedOn;
    }
    return undefined;
  }
}

interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
}

export interface ListMarker {
  readonly marker: string;
  readonly ordered: boolean;
  readonly level: number;
}

export class DocxNumbering {
  readonly #abstract = new Map<string, Map<number, Level>>();
  readonly #instances = new Map<string, { abstractId: string; overrides: Map<number, Level | number> }>();
  /** Running counters per abstract definition (Word continues a list across its numbering instances). */
  readonly #counters = new Map<string, number[]>();
  /** Numbering instances already used (a startOverride restarts the count at an instance's first use). */
  readonly #used = new Set<string>();

  constructor(xml: string | undefined) {
    if (xml === undefined) return;
    const root = child(parseXml(xml), "w:numbering");
    for (const abstract of childrenNamed(root, "w:abstractNum")) {
      const id = abstract.attributes["w:abstractNumId"];
      if (id !== undefined) this.#abstract.set(id, levels(abstract));
    }
    for (const num of childrenNamed(root, "w:num")) {
      const id = num.attributes["w:numId"];
      const abstractId = child(num, "w:abstractNumId")?.attributes["w:val"];
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, Level | number>();
      for (const override of childrenNamed(num, "w:lvlOverride")) {
        const ilvl = intAttribute(override, "w:ilvl") ?? 0;
        const lvl = child(override, "w:lvl");
        const start = intAttribute(child(override, "w:startOverride"), "w:val");
        if (lvl !== undefined) overrides.set(ilvl, level(lvl));
        else if (start !== undefined) overrides.set(ilvl, start);
      }
      this.#instances.set(id, { abstractId, overrides });
    }
  }

  /** The next marker of list `numId` at level `ilvl`, advancing its counters; undefined for numId 0. */
  next(numId: string, ilvl: number): ListMarker | undefined {
    const instance = this.#instances.get(numId);
    if (instance === undefined) return undefined;
    const definition = this.#abstract.get(instance.abstractId);
    const override = instance.overrides.get(ilvl);
    const lvl: Level | undefined =
      typeof override === "object"
        ? override
        : (() => {
            const base = definition?.get(ilvl);
            return base === undefined || override === undefined ? base : { ...base, start: override };
          })();
    if (lvl === undefined || lvl.format === "none") return undefined;
    const key = `${instance.abstractId}`;
    const counters = this.#counters.get(key) ?? [];
    this.#counters.set(key, counters);
    if (typeof override === "number" && !this.#used.has(`${numId}:${ilvl}`))
      counters[ilvl] = undefined as unknown as number;
    this.#used.add(`${numId}:${ilvl}`);
    counters[ilvl] = counters[ilvl] === undefined ? lvl.start : counters[ilvl]! + 1;
    counters.length = ilvl + 1;
    if (lvl.format === "bullet") return { marker: "-", ordered: false, level: ilvl };
    const marker = lvl.text.replace(/%(\d)/gu, (_, digit: string) => {
      const index = Number(digit) - 1;
      const format =
        index === ilvl ? lvl.format : (this.#levelFormat(instance, definition, index) ?? "decimal");
      // A parent level never used shows its start value, and counts as used from now on (as Word does).
      counters[index] ??= definition?.get(index)?.start ?? 1;
      return formatNumber(counters[index], format);
    });
    return {
      marker: marker.trim() === "" ? `${counters[ilvl]}.` : marker.trim(),
      ordered: true,
      level: ilvl,
    };
  }

  #levelFormat(
    instance: { overrides: Map<number, Level | number> },
    definition: Map<number, Level> | undefined,
    ilvl: number,
  ): string | undefined {
    const override = instance.overrides.get(ilvl);
    return typeof override === "object" ? override.format : definition?.get(ilvl)?.format;
  }
}

function levels(abstract: XmlElement): Map<number, Level> {
  const map = new Map<number, Level>();
  for (const lvl of childrenNamed(abstract, "w:lvl")) map.set(intAttribute(lvl, "w:ilvl") ?? 0, level(lvl));
  return map;
}

function level(lvl: XmlElement): Level {
  return {
    format: child(lvl, "w:numFmt")?.attributes["w:val"] ?? "decimal",
    text: child(lvl, "w:lvlText")?.attributes["w:val"] ?? "",
    start: intAttribute(child(lvl, "w:start"), "w:val") ?? 1,
  };
}

/** `value` in Word's number format `format` (decimal, letters, roman; others as decimal). */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return letters(value);
    case "upperLetter":
      return letters(value).toUpperCase();
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperRoman":
      return roman(value);
    default:
      return String(value);
  }
}

function letters(value: number): string {
  if (value < 1) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value < 1 || value > 3999) return String(value);
  const numerals: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = value;
  let text = "";
  for (const [amount, numeral] of numerals)
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  return text;
}

/** The Latin font of run properties (w:rFonts w:ascii, else w:hAnsi); theme fonts are not resolved. */
export function fontOf(rPr: XmlElement | undefined): string | undefined {
  const fonts = child(rPr, "w:rFonts");
  return fonts?.attributes["w:ascii"] ?? fonts?.attributes["w:hAnsi"];
}
