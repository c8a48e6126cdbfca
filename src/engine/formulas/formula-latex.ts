/**
 * LaTeX from the geometry of a display formula's glyphs: words become atoms (glyphs mapped by
 * math-glyphs.ts), then, recursively, radicals with their overbar become \sqrt, horizontal rules with
 * text above and below become \frac, big operators take the rows stacked under and over them as limits,
 * and what is left reads left to right along the main baseline, smaller glyphs raised or lowered from it
 * becoming superscripts and subscripts of the atom before them. Distances are relative to glyph sizes.
 */
import { type Box, unionBoxes } from "../document/box.ts";
import type { Ruling } from "../document/ruling.ts";
import type { Word } from "../document/word.ts";
import { BIG_OPERATORS, FUNCTION_NAMES, glyphLatex, INTEGRALS, isMathFont } from "./math-glyphs.ts";

type AtomKind = "ordinary" | "operator" | "integral" | "radical" | "fence" | "composite";

interface Atom {
  readonly latex: string;
  readonly box: Box;
  readonly baseline: number;
  readonly size: number;
  readonly kind: AtomKind;
}

/** A script is set at most this share of the base size… */
const SCRIPT_SIZE = 0.88;
/** …and shifted off the base baseline by more than this share of the base size. */
const SCRIPT_SHIFT = 0.12;
/** A glyph this far off the baseline is a script whatever its size. */
const FAR_SHIFT = 0.3;
/** A rule is a fraction bar when it is at most this many ems above the denominator's top. */
const FRACTION_REACH_EMS = 2.2;
/** Limits of a big operator continue across gaps of up to this many ems. */
const LIMIT_GAP_EMS = 0.6;

/** LaTeX of the formula drawn by `words`, with the horizontal `rulings` drawn among them. */
export function formulaLatex(words: readonly Word[], rulings: readonly Ruling[]): string {
  const { body, number } = splitEquationNumber(words);
  const atoms = body.map(atomOf);
  const bars = rulings.filter((ruling) => ruling.orientation === "horizontal");
  const latex = tidy(layout(atoms, bars));
  return number === undefined ? latex : `${latex} \\tag{${number}}`;
}

/**
 * An equation number: "(3)", "(2.1a)" printed apart at the right end of the formula's rows, after a gap
 * of more than two ems. It becomes \tag{…} rather than part of the formula.
 */
function splitEquationNumber(words: readonly Word[]): { body: readonly Word[]; number?: string } {
  const sorted = [...words].sort((a, b) => b.box.right - a.box.right);
  let text = "";
  for (let count = 1; count <= Math.min(5, sorted.length - 1); count++) {
    const word = sorted[count - 1]!;
    text = word.text + text;
    const match = /^\((\d+(?:\.\d+)*[a-z]?)\)$/u.exec(text);
    if (match === null) continue;
    const number = sorted.slice(0, count);
    const body = sorted.slice(count);
    const left = Math.min(...number.map((part) => part.box.left));
    const gap = left - Math.max(...body.map((part) => part.box.right));
    if (gap <= 2 * word.fontSize) return { body: words };
    return { body: words.filter((part) => !number.includes(part)), number: match[1]! };
  }
  return { body: words };
}

function atomOf(word: Word): Atom {
  const latex = wordLatex(word);
  const kind: AtomKind = BIG_OPERATORS.has(latex)
    ? "operator"
    : INTEGRALS.has(latex)
      ? "integral"
      : latex === "\\sqrt"
        ? "radical"
        : /^(?:cmex|txex|pxex)/iu.test(word.fontName ?? "")
          ? "fence"
          : "ordinary";
  return { latex, box: word.box, baseline: word.baseline.y, size: word.fontSize, kind };
}

/** One word's LaTeX: function names as commands, upright words as \mathrm, glyph by glyph otherwise. */
function wordLatex(word: Word): string {
  const math = isMathFont(word.fontName);
  const match = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u.exec(word.text);
  if (match !== null && !math) {
    const [, before, letters, after] = match as unknown as [string, string, string, string];
    if (FUNCTION_NAMES.has(letters)) return `${glyphs(before, word)}\\${letters}${glyphs(after, word)}`;
    if (letters.length >= 3 && word.italic !== true && /^[A-Za-z]+$/u.test(letters))
      return `${glyphs(before, word)}\\mathrm{${letters}}${glyphs(after, word)}`;
  }
  return glyphs(word.text, word);
}

function glyphs(text: string, word: Word): string {
  let latex = "";
  for (const character of text) latex = joinLatex(latex, glyphLatex(character, word.fontName), "");
  return latex;
}

/** Joins two pieces of LaTeX, with a space where a command name would otherwise run into a letter. */
function joinLatex(left: string, right: string, separator: string): string {
  if (left === "") return right;
  if (right === "") return left;
  const needsSpace = /\\[A-Za-z]+$/u.test(left) && /^[A-Za-z]/u.test(right);
  return left + (needsSpace && separator === "" ? " " : separator) + right;
}

function layout(atoms: readonly Atom[], bars: readonly Ruling[]): string {
  if (atoms.length === 0) return "";
  let rest = [...atoms];
  let unused = [...bars];
  ({ rest, unused } = takeRadicals(rest, unused));
  ({ rest, unused } = takeFractions(rest, unused));
  rest = takeLimits(rest);
  return readRow(rest);
}

/** √ followed by a rule along its top: the atoms under the rule are the radicand. */
function takeRadicals(atoms: Atom[], bars: Ruling[]): { rest: Atom[]; unused: Ruling[] } {
  let rest = atoms;
  let unused = bars;
  for (const radical of atoms.filter((atom) => atom.kind === "radical")) {
    const bar = unused.find(
      (ruling) =>
        Math.abs(ruling.start - radical.box.right) <= 0.5 * radical.size &&
        ruling.position >= radical.box.top - 0.4 * radical.size &&
        ruling.position <= radical.box.top + 0.5 * radical.size,
    );
    if (bar === undefined) continue;
    const inside = rest.filter(
      (atom) =>
        atom !== radical &&
        centreX(atom) > bar.start &&
        centreX(atom) < bar.end &&
        centreY(atom) > bar.position &&
        atom.box.top < radical.box.bottom,
    );
    const remaining = unused.filter((ruling) => ruling !== bar);
    const body = layout(inside, rulingsWithin(remaining, inside));
    const composite: Atom = {
      latex: `\\sqrt{${body}}`,
      box: unionBoxes([radical.box, ...inside.map((atom) => atom.box)])!,
      baseline: radical.baseline,
      size: radical.size,
      kind: "composite",
    };
    rest = [...rest.filter((atom) => atom !== radical && !inside.includes(atom)), composite];
    unused = remaining.filter((ruling) => rulingsWithin([ruling], inside).length === 0);
  }
  return { rest, unused };
}

/** The widest rule with atoms right above and right below it is a fraction bar; then the next. */
function takeFractions(atoms: Atom[], bars: Ruling[]): { rest: Atom[]; unused: Ruling[] } {
  let rest = atoms;
  const unused = [...bars].sort((a, b) => b.end - b.start - (a.end - a.start));
  const left: Ruling[] = [];
  while (unused.length > 0) {
    const bar = unused.shift()!;
    const over = (atom: Atom) => centreX(atom) >= bar.start - 1 && centreX(atom) <= bar.end + 1;
    const numerator = rest.filter(
      (atom) => over(atom) && centreY(atom) < bar.position && atom.box.bottom > bar.position - reach(atom),
    );
    const denominator = rest.filter(
      (atom) => over(atom) && centreY(atom) > bar.position && atom.box.top < bar.position + reach(atom),
    );
    if (numerator.length === 0 || denominator.length === 0) {
      left.push(bar);
      continue;
    }
    // Rules inside the numerator or denominator (nested fractions) go with them.
    const inner = [...unused, ...left];
    const top = layout(numerator, rulingsWithin(inner, numerator));
    const bottom = layout(denominator, rulingsWithin(inner, denominator));
    const taken = new Set([...numerator, ...denominator]);
    const box = unionBoxes([...numerator, ...denominator].map((atom) => atom.box))!;
    const size = Math.max(...[...numerator, ...denominator].map((atom) => atom.size));
    const composite: Atom = {
      latex: `\\frac{${top}}{${bottom}}`,
      box: { ...box, left: Math.min(box.left, bar.start), right: Math.max(box.right, bar.end) },
      baseline: bar.position + 0.25 * size,
      size,
      kind: "composite",
    };
    rest = [...rest.filter((atom) => !taken.has(atom)), composite];
    for (const list of [unused, left])
      for (let index = list.length - 1; index >= 0; index--)
        if (rulingsWithin([list[index]!], [...taken]).length > 0) list.splice(index, 1);
  }
  return { rest, unused: left };
}

function reach(atom: Atom): number {
  return FRACTION_REACH_EMS * atom.size;
}

/** Rules whose span lies within the box around `atoms`. */
function rulingsWithin(bars: readonly Ruling[], atoms: readonly Atom[]): Ruling[] {
  const box = unionBoxes(atoms.map((atom) => atom.box));
  if (box === undefined) return [];
  return bars.filter(
    (bar) =>
      bar.start >= box.left - 1 &&
      bar.end <= box.right + 1 &&
      bar.position > box.top &&
      bar.position < box.bottom,
  );
}

/** Big operators take the rows set under and over them (\sum_{i=1}^{n}). */
function takeLimits(atoms: Atom[]): Atom[] {
  let rest = atoms;
  const operators = atoms.filter((atom) => atom.kind === "operator").sort((a, b) => a.box.left - b.box.left);
  for (const operator of operators) {
    const others = rest.filter((atom) => atom !== operator && atom.kind !== "operator");
    const below = limitRow(operator, others, "below");
    const above = limitRow(
      operator,
      others.filter((atom) => !below.includes(atom)),
      "above",
    );
    if (below.length === 0 && above.length === 0) continue;
    let latex = operator.latex;
    if (below.length > 0) latex += `_{${layout(below, [])}}`;
    if (above.length > 0) latex += `^{${layout(above, [])}}`;
    const composite: Atom = { ...operator, latex, kind: "integral" };
    const taken = new Set([...below, ...above]);
    rest = rest.map((atom) => (atom === operator ? composite : atom)).filter((atom) => !taken.has(atom));
  }
  return rest;
}

function limitRow(operator: Atom, atoms: readonly Atom[], side: "below" | "above"): Atom[] {
  const { box, size } = operator;
  const placed = (atom: Atom) =>
    side === "below"
      ? atom.box.top >= operator.baseline - 0.1 * size && atom.box.top < box.bottom + 0.8 * size
      : atom.box.bottom <= box.top + 0.45 * size && atom.box.bottom > box.top - 1.2 * size;
  const seeds = atoms.filter(
    (atom) => placed(atom) && atom.box.right > box.left && atom.box.left < box.right && atom.size < size,
  );
  if (seeds.length === 0) return [];
  const row = new Set(seeds);
  let band = unionBoxes(seeds.map((atom) => atom.box))!;
  for (let grown = true; grown; ) {
    grown = false;
    for (const atom of atoms) {
      if (row.has(atom) || atom.size >= size) continue;
      const y = centreY(atom);
      if (y < band.top - 0.2 * atom.size || y > band.bottom + 0.2 * atom.size) continue;
      const gap = Math.max(band.left - atom.box.right, atom.box.left - band.right);
      if (gap > LIMIT_GAP_EMS * atom.size) continue;
      row.add(atom);
      band = unionBoxes([band, atom.box])!;
      grown = true;
    }
  }
  return [...row];
}

/** Atoms left to right along the main baseline, scripts attached to the atom before them. */
function readRow(atoms: readonly Atom[]): string {
  const sorted = [...atoms].sort((a, b) => a.box.left - b.box.left || a.baseline - b.baseline);
  const ordinary = sorted.filter((atom) => atom.kind === "ordinary");
  const reference = ordinary.length > 0 ? ordinary : sorted;
  const baseSize = Math.max(...reference.map((atom) => atom.size));
  const baseline = mainBaseline(
    reference.filter((atom) => atom.size >= SCRIPT_SIZE * baseSize),
    baseSize,
  );
  const isScript = (atom: Atom) => {
    if (atom.kind !== "ordinary") return false;
    const shift = Math.abs(atom.baseline - baseline);
    return (
      (atom.size < SCRIPT_SIZE * baseSize && shift > SCRIPT_SHIFT * baseSize) || shift > FAR_SHIFT * baseSize
    );
  };
  const parts: string[] = [];
  const fences = new Set<number>();
  let index = 0;
  while (index < sorted.length) {
    const atom = sorted[index]!;
    if (!isScript(atom)) {
      if (atom.kind === "fence" && atom.latex !== "") fences.add(parts.length);
      parts.push(atom.latex);
      index++;
      continue;
    }
    const scripts: Atom[] = [];
    while (index < sorted.length && isScript(sorted[index]!)) scripts.push(sorted[index++]!);
    const sup = scripts.filter((script) => script.baseline < baseline);
    const sub = scripts.filter((script) => script.baseline > baseline);
    let attached = parts.pop() ?? "{}";
    if (sub.length > 0) attached += `_{${layout(sub, [])}}`;
    if (sup.length > 0) attached += `^{${layout(sup, [])}}`;
    parts.push(attached);
  }
  sizeFences(parts, fences);
  // A radical without an overbar (a √ glyph alone) takes the atom after it.
  const joined: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === "\\sqrt" && i + 1 < parts.length) joined.push(`\\sqrt{${parts[++i]}}`);
    else joined.push(parts[i]!);
  }
  return joined.reduce((latex, part) => joinLatex(latex, part, " "), "");
}

const CLOSING: Readonly<Record<string, string>> = {
  "(": ")",
  "[": "]",
  "\\{": "\\}",
  "\\langle": "\\rangle",
  "\\lfloor": "\\rfloor",
  "\\lceil": "\\rceil",
  "|": "|",
  "\\|": "\\|",
};

/**
 * Tall delimiters (TeX's extension-font glyphs) become \left…\right pairs when they pair up in the row;
 * unpaired ones stay as they are, so the LaTeX stays valid.
 */
function sizeFences(parts: string[], fences: ReadonlySet<number>): void {
  const open: { index: number; closing: string }[] = [];
  const pairs: [number, number][] = [];
  for (const index of [...fences].sort((a, b) => a - b)) {
    const part = parts[index]!;
    const top = open[open.length - 1];
    if (top !== undefined && part.startsWith(top.closing)) {
      open.pop();
      pairs.push([top.index, index]);
      continue;
    }
    const closing = CLOSING[Object.keys(CLOSING).find((delimiter) => part === delimiter) ?? ""];
    if (closing === undefined) return;
    open.push({ index, closing });
  }
  if (open.length > 0) return;
  for (const [left, right] of pairs) {
    parts[left] = `\\left${parts[left]}`;
    parts[right] = `\\right${parts[right]}`;
  }
}

function tidy(latex: string): string {
  return latex.replace(/\s+/gu, " ").trim();
}

function centreX(atom: Atom): number {
  return (atom.box.left + atom.box.right) / 2;
}

function centreY(atom: Atom): number {
  return (atom.box.top + atom.box.bottom) / 2;
}

/** The baseline most of the glyphs sit on (counted in glyphs); on a tie, the leftmost atom's. */
function mainBaseline(atoms: readonly Atom[], size: number): number {
  let best = atoms[0]?.baseline ?? 0;
  let bestCount = 0;
  for (const atom of atoms) {
    let count = 0;
    for (const other of atoms)
      if (Math.abs(other.baseline - atom.baseline) <= SCRIPT_SHIFT * size)
        count += Math.max(1, other.latex.length);
    if (count > bestCount) {
      best = atom.baseline;
      bestCount = count;
    }
  }
  return best;
}
