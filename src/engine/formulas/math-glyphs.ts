/**
 * What a glyph means in math: LaTeX for Unicode math characters (Greek, operators, relations, arrows,
 * the Mathematical Alphanumeric Symbols block) and for the TeX math fonts' own encodings where pdf.js
 * leaves raw codes (CMEX delimiters and big operators, CMSY calligraphic capitals, MSBM blackboard bold).
 * Also which fonts are math fonts and which characters count as math evidence.
 */

const GREEK: Readonly<Record<string, string>> = {
  α: "\\alpha",
  β: "\\beta",
  γ: "\\gamma",
  δ: "\\delta",
  ε: "\\varepsilon",
  ϵ: "\\epsilon",
  ζ: "\\zeta",
  η: "\\eta",
  θ: "\\theta",
  ϑ: "\\vartheta",
  ι: "\\iota",
  κ: "\\kappa",
  λ: "\\lambda",
  μ: "\\mu",
  µ: "\\mu",
  ν: "\\nu",
  ξ: "\\xi",
  π: "\\pi",
  ϖ: "\\varpi",
  ρ: "\\rho",
  ϱ: "\\varrho",
  σ: "\\sigma",
  ς: "\\varsigma",
  τ: "\\tau",
  υ: "\\upsilon",
  φ: "\\varphi",
  ϕ: "\\phi",
  χ: "\\chi",
  ψ: "\\psi",
  ω: "\\omega",
  Γ: "\\Gamma",
  Δ: "\\Delta",
  Θ: "\\Theta",
  Λ: "\\Lambda",
  Ξ: "\\Xi",
  Π: "\\Pi",
  Σ: "\\Sigma",
  Υ: "\\Upsilon",
  Φ: "\\Phi",
  Ψ: "\\Psi",
  Ω: "\\Omega",
};

const SYMBOLS: Readonly<Record<string, string>> = {
  "∑": "\\sum",
  "∏": "\\prod",
  "∐": "\\coprod",
  "∫": "\\int",
  "∬": "\\iint",
  "∭": "\\iiint",
  "∮": "\\oint",
  "⋃": "\\bigcup",
  "⋂": "\\bigcap",
  "⋁": "\\bigvee",
  "⋀": "\\bigwedge",
  "⨁": "\\bigoplus",
  "⨂": "\\bigotimes",
  "√": "\\sqrt",
  "∞": "\\infty",
  "∂": "\\partial",
  "∇": "\\nabla",
  "∀": "\\forall",
  "∃": "\\exists",
  "∄": "\\nexists",
  "∅": "\\emptyset",
  "∈": "\\in",
  "∉": "\\notin",
  "∋": "\\ni",
  "⊂": "\\subset",
  "⊃": "\\supset",
  "⊆": "\\subseteq",
  "⊇": "\\supseteq",
  "∪": "\\cup",
  "∩": "\\cap",
  "∧": "\\wedge",
  "∨": "\\vee",
  "¬": "\\neg",
  "≤": "\\leq",
  "≥": "\\geq",
  "≦": "\\leqq",
  "≧": "\\geqq",
  "≠": "\\neq",
  "≈": "\\approx",
  "≡": "\\equiv",
  "≅": "\\cong",
  "∼": "\\sim",
  "≃": "\\simeq",
  "∝": "\\propto",
  "≪": "\\ll",
  "≫": "\\gg",
  "≺": "\\prec",
  "≻": "\\succ",
  "⊥": "\\perp",
  "∥": "\\parallel",
  "∣": "\\mid",
  "±": "\\pm",
  "∓": "\\mp",
  "×": "\\times",
  "÷": "\\div",
  "·": "\\cdot",
  "⋅": "\\cdot",
  "∘": "\\circ",
  "•": "\\bullet",
  "∙": "\\bullet",
  "⊕": "\\oplus",
  "⊗": "\\otimes",
  "⊙": "\\odot",
  "∗": "\\ast",
  "⋆": "\\star",
  "†": "\\dagger",
  "′": "\\prime",
  "″": "\\prime\\prime",
  "…": "\\ldots",
  "⋯": "\\cdots",
  "⋮": "\\vdots",
  "⋱": "\\ddots",
  "→": "\\rightarrow",
  "←": "\\leftarrow",
  "↔": "\\leftrightarrow",
  "⇒": "\\Rightarrow",
  "⇐": "\\Leftarrow",
  "⇔": "\\Leftrightarrow",
  "↦": "\\mapsto",
  "↑": "\\uparrow",
  "↓": "\\downarrow",
  "⟨": "\\langle",
  "⟩": "\\rangle",
  "〈": "\\langle",
  "〉": "\\rangle",
  "⌊": "\\lfloor",
  "⌋": "\\rfloor",
  "⌈": "\\lceil",
  "⌉": "\\rceil",
  ℓ: "\\ell",
  ℏ: "\\hbar",
  ℜ: "\\Re",
  ℑ: "\\Im",
  ℘: "\\wp",
  ℵ: "\\aleph",
  ℕ: "\\mathbb{N}",
  ℤ: "\\mathbb{Z}",
  ℚ: "\\mathbb{Q}",
  ℝ: "\\mathbb{R}",
  ℂ: "\\mathbb{C}",
  "−": "-",
  "–": "-",
  "∕": "/",
  "∖": "\\setminus",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "#": "\\#",
  "&": "\\&",
  _: "\\_",
  "\u00a0": " ",
};

/** Big operators: take limits below and above in display style. */
export const BIG_OPERATORS = new Set([
  "\\sum",
  "\\prod",
  "\\coprod",
  "\\bigcup",
  "\\bigcap",
  "\\bigvee",
  "\\bigwedge",
  "\\bigoplus",
  "\\bigotimes",
]);
/** Integrals: limits sit to the right as scripts, not stacked. */
export const INTEGRALS = new Set(["\\int", "\\iint", "\\iiint", "\\oint"]);

/**
 * CMEX10 (TeX's extension font) by character code: delimiters in four sizes, big operators, radicals.
 * pdf.js has no Unicode for these glyph names and hands back the raw code.
 */
const CMEX: readonly (string | undefined)[] = (() => {
  const table: (string | undefined)[] = [];
  const sizes =
    String.raw`( ) [ ] \lfloor \rfloor \lceil \rceil \{ \} \langle \rangle | \| / \backslash`.split(" ");
  for (let i = 0; i < 16; i++) table[i] = sizes[i];
  const big = String.raw`( ) ( ) [ ] \lfloor \rfloor \lceil \rceil \{ \} \langle \rangle / \backslash`.split(
    " ",
  );
  for (let i = 0; i < 16; i++) table[0x10 + i] = big[i];
  const bigger =
    String.raw`( ) [ ] \lfloor \rfloor \lceil \rceil \{ \} \langle \rangle / \backslash / \backslash`.split(
      " ",
    );
  for (let i = 0; i < 16; i++) table[0x20 + i] = bigger[i];
  // Extensible pieces (tops, bottoms, repeaters) of tall delimiters: the top and bottom read as the delimiter.
  const pieces = ["(", ")", "[", "]", "", "", "", "", "\\{", "\\}", "", "", "", "", "", ""];
  for (let i = 0; i < 16; i++) table[0x30 + i] = pieces[i];
  table[0x40] = "";
  table[0x41] = "";
  table[0x44] = "\\langle";
  table[0x45] = "\\rangle";
  table[0x46] = "\\bigsqcup";
  table[0x47] = "\\bigsqcup";
  table[0x48] = "\\oint";
  table[0x49] = "\\oint";
  table[0x4a] = "\\bigodot";
  table[0x4b] = "\\bigodot";
  table[0x4c] = "\\bigoplus";
  table[0x4d] = "\\bigoplus";
  table[0x4e] = "\\bigotimes";
  table[0x4f] = "\\bigotimes";
  const operators = [
    "\\sum",
    "\\prod",
    "\\int",
    "\\bigcup",
    "\\bigcap",
    "\\biguplus",
    "\\bigwedge",
    "\\bigvee",
  ];
  for (let i = 0; i < 8; i++) {
    table[0x50 + i] = operators[i];
    table[0x58 + i] = operators[i];
  }
  table[0x60] = "\\coprod";
  table[0x61] = "\\coprod";
  table[0x68] = "[";
  table[0x69] = "]";
  table[0x6e] = "\\{";
  table[0x6f] = "\\}";
  for (let i = 0x70; i <= 0x76; i++) table[i] = "\\sqrt";
  return table;
})();

/** The font is a math font: TeX's math families, AMS symbols, Symbol, Cambria Math, STIX, *Math*. */
export function isMathFont(fontName: string | undefined): boolean {
  if (fontName === undefined) return false;
  return /^(?:cmmi|cmsy|cmex|cmbsy|cmmib|msbm|msam|eufm|eusm|rsfs|stmary|wasy|txsy|txex|pxsy|pxex|txmi|pxmi|esint)|symbol|math|stix|mt ?extra|euler/iu.test(
    fontName,
  );
}

function fontKind(fontName: string | undefined): "cmex" | "calligraphic" | "blackboard" | "other" {
  if (fontName === undefined) return "other";
  if (/^(?:cmex|txex|pxex)/iu.test(fontName)) return "cmex";
  if (/^(?:cmsy|cmbsy|eusm|rsfs)/iu.test(fontName)) return "calligraphic";
  if (/^msbm/iu.test(fontName)) return "blackboard";
  return "other";
}

/** LaTeX for one character drawn in `fontName`; the character itself when it needs no command. */
export function glyphLatex(character: string, fontName?: string): string {
  const kind = fontKind(fontName);
  const code = character.codePointAt(0) ?? 0;
  if (kind === "cmex" && code < 0x80) {
    const mapped = CMEX[code];
    if (mapped !== undefined) return mapped;
  }
  if (kind === "calligraphic" && /^[A-Z]$/u.test(character)) return `\\mathcal{${character}}`;
  if (kind === "blackboard" && /^[A-Z]$/u.test(character)) return `\\mathbb{${character}}`;
  const known = GREEK[character] ?? SYMBOLS[character];
  if (known !== undefined) return known;
  const alphanumeric = mathAlphanumeric(code);
  if (alphanumeric !== undefined) return alphanumeric;
  return character;
}

/** U+1D400–U+1D7FF: bold, italic, script, fraktur, double-struck, … letters and digits. */
function mathAlphanumeric(code: number): string | undefined {
  if (code < 0x1d400 || code > 0x1d7ff) return undefined;
  if (code >= 0x1d7ce) {
    const digit = String((code - 0x1d7ce) % 10);
    return code >= 0x1d7d8 && code < 0x1d7e2 ? `\\mathbb{${digit}}` : digit;
  }
  if (code >= 0x1d6a8) return undefined;
  const styles = [
    "\\mathbf",
    "",
    "\\boldsymbol",
    "\\mathcal",
    "\\mathcal",
    "\\mathfrak",
    "\\mathbb",
    "\\mathfrak",
    "\\mathsf",
    "\\mathsf",
    "\\mathsf",
    "\\mathsf",
    "\\mathtt",
  ];
  const offset = code - 0x1d400;
  const style = styles[Math.floor(offset / 52)] ?? "";
  const index = offset % 52;
  const letter = String.fromCharCode(index < 26 ? 65 + index : 97 + index - 26);
  return style === "" ? letter : `${style}{${letter}}`;
}

/** Characters that say "math" wherever they appear: Greek, math operators and arrows, math alphanumerics. */
export function isMathCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    (code >= 0x2200 && code <= 0x22ff) ||
    (code >= 0x1d400 && code <= 0x1d7ff) ||
    (code >= 0x0391 && code <= 0x03c9) ||
    (code >= 0x2190 && code <= 0x21ff) ||
    (code >= 0x27c0 && code <= 0x27ef) ||
    (code >= 0x2980 && code <= 0x2aff) ||
    "=<>+±×÷√∞≤≥≠≈′".includes(character)
  );
}

/** Relations and big operators: a line with none of these is rarely a display equation. */
export function isStrongMathCharacter(character: string): boolean {
  return "=≤≥≠≈≡≅∼≃∝<>∈∉⊂⊆⊃⊇→⇒⇔↦∑∏∫∮√∀∃".includes(character);
}

/** Function names set upright in math (\sin, \log, …). */
export const FUNCTION_NAMES = new Set([
  "sin",
  "cos",
  "tan",
  "cot",
  "sec",
  "csc",
  "sinh",
  "cosh",
  "tanh",
  "arcsin",
  "arccos",
  "arctan",
  "log",
  "ln",
  "lg",
  "exp",
  "lim",
  "liminf",
  "limsup",
  "max",
  "min",
  "sup",
  "inf",
  "det",
  "dim",
  "ker",
  "deg",
  "gcd",
  "arg",
  "Pr",
  "hom",
  "mod",
]);
