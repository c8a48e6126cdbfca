/**
 * Word equations (OMML) as LaTeX: fractions, scripts, radicals, delimiters, n-ary operators, functions
 * and accents, with the common Greek letters and operators spelled as commands. Inline equations are
 * wrapped in $…$, display equations (m:oMathPara) in $$…$$. Constructs it does not know contribute
 * their text.
 */
import { child, childrenNamed, localName, textOf, type XmlElement } from "./xml-tree.ts";

const SYMBOLS: Readonly<Record<string, string>> = {
  π: "\\pi",
  α: "\\alpha",
  β: "\\beta",
  γ: "\\gamma",
  δ: "\\delta",
  ε: "\\epsilon",
  θ: "\\theta",
  λ: "\\lambda",
  μ: "\\mu",
  σ: "\\sigma",
  τ: "\\tau",
  φ: "\\phi",
  ω: "\\omega",
  Δ: "\\Delta",
  Σ: "\\Sigma",
  Ω: "\\Omega",
  "∞": "\\infty",
  "×": "\\times",
  "÷": "\\div",
  "±": "\\pm",
  "≤": "\\leq",
  "≥": "\\geq",
  "≠": "\\neq",
  "≈": "\\approx",
  "→": "\\rightarrow",
  "∂": "\\partial",
  "·": "\\cdot",
  "⋅": "\\cdot",
  "∩": "\\cap",
  "∪": "\\cup",
  "∈": "\\in",
  "…": "\\ldots",
  "∀": "\\forall",
  "∃": "\\exists",
  "∇": "\\nabla",
  ϵ: "\\epsilon",
};

const NARY: Readonly<Record<string, string>> = {
  "∑": "\\sum",
  "∏": "\\prod",
  "∫": "\\int",
  "∬": "\\iint",
  "∭": "\\iiint",
  "∮": "\\oint",
  "∯": "\\oiint",
  "∰": "\\oiiint",
  "∐": "\\coprod",
  "⋃": "\\bigcup",
  "⋂": "\\bigcap",
  "⋁": "\\bigvee",
  "⋀": "\\bigwedge",
};

const FUNCTIONS = new Set([
  "sin",
  "cos",
  "tan",
  "log",
  "ln",
  "exp",
  "lim",
  "max",
  "min",
  "sec",
  "csc",
  "cot",
]);

/**
 * The equation as LaTeX wrapped for markdown: $$…$$ for a display equation (m:oMathPara, or `display`:
 * an equation alone in its paragraph), $…$ inline.
 */
export function mathToMarkdown(math: XmlElement, display = false): string {
  if (display && math.name === "m:oMath") return `\n\n$$${latex(math).trim()}$$\n\n`;
  if (math.name === "m:oMathPara") {
    const equations = childrenNamed(math, "m:oMath").map((equation) => latex(equation).trim());
    return `\n$$${equations.join(" ")}$$\n`;
  }
  return ` $${latex(math).trim()}$ `;
}

function latex(element: XmlElement | undefined): string {
  if (element === undefined) return "";
  let out = "";
  for (const node of element.children) if (typeof node !== "string") out += construct(node);
  return out;
}

const arg = (element: XmlElement, name: string) => latex(child(element, name));

function construct(node: XmlElement): string {
  switch (localName(node)) {
    case "r":
      return symbols(textOf(child(node, "m:t") ?? node));
    case "f":
      // A fraction without a bar (binomial coefficients) is a \genfrac with zero rule thickness.
      return child(child(node, "m:fPr"), "m:type")?.attributes["m:val"] === "noBar"
        ? `\\genfrac{}{}{0pt}{}{${arg(node, "m:num")}}{${arg(node, "m:den")}}`
        : `\\frac{${arg(node, "m:num")}}{${arg(node, "m:den")}}`;
    case "sSup":
      return `${base(node)}^{${arg(node, "m:sup")}}`;
    case "sSub":
      return `${base(node)}_{${arg(node, "m:sub")}}`;
    case "sSubSup":
      return `${base(node)}_{${arg(node, "m:sub")}}^{${arg(node, "m:sup")}}`;
    case "rad": {
      const degree = arg(node, "m:deg");
      return degree === "" ? `\\sqrt{${arg(node, "m:e")}}` : `\\sqrt[${degree}]{${arg(node, "m:e")}}`;
    }
    case "d": {
      const pr = child(node, "m:dPr");
      const open = child(pr, "m:begChr")?.attributes["m:val"] ?? "(";
      const close = child(pr, "m:endChr")?.attributes["m:val"] ?? ")";
      const separator = child(pr, "m:sepChr")?.attributes["m:val"] ?? ",";
      const inner = childrenNamed(node, "m:e").map(latex).join(separator);
      return `\\left${delimiter(open)}${inner}\\right${delimiter(close)}`;
    }
    case "nary": {
      const pr = child(node, "m:naryPr");
      const operator = NARY[child(pr, "m:chr")?.attributes["m:val"] ?? "∫"] ?? "\\int";
      const sub = arg(node, "m:sub");
      const sup = arg(node, "m:sup");
      return command(
        `${operator}${sub === "" ? "" : `_{${sub}}`}${sup === "" ? "" : `^{${sup}}`}`,
        arg(node, "m:e"),
      );
    }
    case "func": {
      const name = arg(node, "m:fName").trim();
      return command(FUNCTIONS.has(name) ? `\\${name}` : name, arg(node, "m:e"));
    }
    case "limLow":
    case "limUpp": {
      const operand = arg(node, "m:e").trim();
      const head = FUNCTIONS.has(operand) ? `\\${operand}` : operand;
      return `${head}${localName(node) === "limLow" ? "_" : "^"}{${arg(node, "m:lim")}}`;
    }
    case "groupChr": {
      // Braces under or over a group (⏟ by default, ⏞ on top).
      const character = child(child(node, "m:groupChrPr"), "m:chr")?.attributes["m:val"] ?? "⏟";
      return `${character === "⏞" ? "\\overbrace" : "\\underbrace"}{${arg(node, "m:e")}}`;
    }
    case "acc":
      return `\\hat{${arg(node, "m:e")}}`;
    case "bar":
      return `\\overline{${arg(node, "m:e")}}`;
    case "rPr":
    case "ctrlPr":
    case "fPr":
    case "sSupPr":
    case "sSubPr":
    case "radPr":
    case "dPr":
    case "naryPr":
    case "funcPr":
    case "groupChrPr":
    case "limLowPr":
    case "limUppPr":
      return "";
    default:
      return latex(node);
  }
}

/** A scripted base: braced when it is itself a construct (a fraction, a root), so the script covers it. */
function base(node: XmlElement): string {
  const text = arg(node, "m:e");
  return /^\\(frac|genfrac|sqrt|overline|hat)\b/u.test(text) ? `{${text}}` : text;
}

/** `head` (ending in a command name) followed by `rest`, spaced so a letter does not extend the name. */
function command(head: string, rest: string): string {
  return /\\[a-zA-Z]+$/u.test(head) && /^[a-zA-Z]/u.test(rest) ? `${head} ${rest}` : `${head}${rest}`;
}

function delimiter(character: string): string {
  if (character === "") return ".";
  if (character === "{" || character === "}") return `\\${character}`;
  return character;
}

function symbols(text: string): string {
  return text.replace(/[^\x20-\x7e]/gu, (character) => {
    const command = SYMBOLS[character];
    return command === undefined ? character : ` ${command} `;
  });
}
