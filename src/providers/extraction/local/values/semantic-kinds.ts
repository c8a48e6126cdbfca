/**
 * What a string field holds, told from its name alone (email, website, IBAN, phone, an identifier, a
 * currency code, a payment method, an Incoterm, a SIREN…): it narrows the text next to a label to the part
 * that looks right ("visit aws.amazon.com/contact-us/" → aws.amazon.com) and lets a few kinds be found
 * with no label at all ("… vooruitbetaald met Credit Card").
 */

export type SemanticKind =
  | "email"
  | "website"
  | "iban"
  | "bic"
  | "phone"
  | "currency_code"
  | "currency_symbol"
  | "percent"
  | "identifier"
  | "vat_id"
  | "organization"
  | "payment_method"
  | "incoterm"
  | "siren"
  | "text";

/** Field-name words → kind; the first rule whose words all appear wins. */
const RULES: readonly (readonly [readonly string[], SemanticKind])[] = [
  [["email"], "email"],
  [["mail"], "email"],
  [["website"], "website"],
  [["url"], "website"],
  [["web"], "website"],
  [["homepage"], "website"],
  [["iban"], "iban"],
  [["bic"], "bic"],
  [["swift"], "bic"],
  [["currency", "symbol"], "currency_symbol"],
  [["currency"], "currency_code"],
  [["phone"], "phone"],
  [["telephone"], "phone"],
  [["tel"], "phone"],
  [["mobile"], "phone"],
  [["fax"], "phone"],
  [["payment", "method"], "payment_method"],
  [["payment", "mode"], "payment_method"],
  [["payment", "type"], "payment_method"],
  [["payment", "means"], "payment_method"],
  [["incoterm"], "incoterm"],
  [["incoterms"], "incoterm"],
  [["percent"], "percent"],
  [["percentage"], "percent"],
  [["rate"], "percent"],
  [["vat"], "vat_id"],
  [["tva"], "vat_id"],
  [["btw"], "vat_id"],
  [["ustid"], "vat_id"],
  [["issuer"], "organization"],
  [["vendor"], "organization"],
  [["seller"], "organization"],
  [["supplier"], "organization"],
  [["merchant"], "organization"],
  [["company", "name"], "organization"],
  [["partner", "name"], "organization"],
  [["organization"], "organization"],
  [["organisation"], "organization"],
  [["number"], "identifier"],
  [["no"], "identifier"],
  [["nr"], "identifier"],
  [["num"], "identifier"],
  [["id"], "identifier"],
  [["code"], "identifier"],
  [["ref"], "identifier"],
  [["reference"], "identifier"],
  [["siren"], "siren"],
  [["siret"], "identifier"],
  [["gstin"], "identifier"],
  [["cin"], "identifier"],
  [["coc"], "identifier"],
];

export function semanticKindOf(words: readonly string[]): SemanticKind {
  for (const [required, kind] of RULES) if (required.every((word) => words.includes(word))) return kind;
  return "text";
}

/** Legal-form suffixes that end company names (as RegExp source). */
const LEGAL_FORMS = [
  String.raw`Inc\.?`,
  "LLC",
  String.raw`Ltd\.?`,
  "Limited",
  "GmbH",
  "AG",
  String.raw`B\.V\.?`,
  "BV",
  String.raw`N\.V\.?`,
  String.raw`S\.A\.?`,
  "SAS",
  "SARL",
  String.raw`S\.p\.A\.?`,
  String.raw`Pvt\.? Ltd\.?`,
  String.raw`Corp\.?`,
  "Corporation",
  "plc",
  "PLC",
  String.raw`Sp\. z o\.o\.`,
  "Oy",
  "AB",
  "A/S",
  "KG",
].join("|");

/**
 * Ways to pay, as invoices and receipts name them (general vocabulary: schemes, wallets, transfers,
 * cash), longest first so "SEPA direct debit" wins over "direct debit".
 */
const PAYMENT_METHODS = [
  "cash on delivery",
  "sepa direct debit",
  "sepa credit transfer",
  "sepa transfer",
  "credit card",
  "debit card",
  "bank card",
  "card payment",
  "bank transfer",
  "wire transfer",
  "direct debit",
  "standing order",
  "american express",
  "apple pay",
  "google pay",
  "amazon pay",
  "net banking",
  "paypal",
  "ideal",
  "bancontact",
  "sofort",
  "giropay",
  "klarna",
  "mastercard",
  "maestro",
  "visa",
  "amex",
  "upi",
  "cash",
  "cheque",
  "carte bancaire",
  "carte bleue",
  "virement bancaire",
  "virement",
  "prelevement automatique",
  "prélèvement automatique",
  "prelevement",
  "prélèvement",
  "especes",
  "espèces",
  "overschrijving",
  "automatische incasso",
  "pinbetaling",
  "contant",
  "uberweisung",
  "überweisung",
  "banküberweisung",
  "lastschrift",
  "kreditkarte",
  "barzahlung",
  "przelew",
  "gotowka",
  "gotówka",
  "transferencia bancaria",
  "transferencia",
  "tarjeta de credito",
  "tarjeta de crédito",
  "efectivo",
  "bonifico bancario",
  "bonifico",
  "contanti",
  "carta di credito",
]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/ /gu, String.raw`\s+`))
  .join("|");

/** The eleven Incoterms 2020 rules and the 2010 ones still printed. */
const INCOTERMS = "EXW|FCA|CPT|CIP|DAP|DPU|DDP|FAS|FOB|CFR|CIF|DAT|DDU";

export interface PatternMatch {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** How sure the pattern is (1 when absent). */
  readonly quality?: number;
}

const PATTERNS: Partial<Record<SemanticKind, RegExp>> = {
  email: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu,
  website:
    /(?<![\p{L}\p{N}@.\-_])(?:https?:\/\/)?(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,6}(?![\p{L}\p{N}@_-])(?::\d+)?(?:\/\S*)?/giu,
  phone: /(?:\+|\(\+?)?\d[\d\s().\-/]{5,}\d/gu,
  percent: /-?\d+(?:[.,]\d+)?\s?%/gu,
  payment_method: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${PAYMENT_METHODS})(?![\p{L}\p{N}])`, "giu"),
  incoterm: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${INCOTERMS})(?![\p{L}\p{N}])`, "gu"),
  // A name ending in a legal form: "Coolblue B.V.", "Amazon Web Services, Inc.", "QualityHosting AG".
  organization: new RegExp(
    String.raw`(?<![\p{L}\p{N}])[\p{Lu}\p{N}][\p{L}\p{N}&'.\- ]{1,50}?,? (?:${LEGAL_FORMS})(?![\p{L}\p{N}])`,
    "gu",
  ),
};

/**
 * A French company number (SIREN, nine digits): in its registry mention ("RCS Paris B 421 938 861",
 * "B 421 938 861 RCS Paris"), as the first nine digits of a SIRET (SIREN + five-digit establishment
 * number), or alone (next to its label). Capture group 1 is the number as printed.
 */
const SIREN_PATTERNS: readonly (readonly [RegExp, number])[] = [
  [/\bR[CS][SC]\s+[\p{L}'-]+(?:\s+[AB])?\s+(\d{3}\s?\d{3}\s?\d{3})(?![\s.]?\d)/du, 1],
  [/(?<![\p{L}\p{N}])[AB]\s+(\d{3}\s?\d{3}\s?\d{3})\s+R[CS][SC]\b/du, 1],
  [/(?<!\d)(\d{3}\s?\d{3}\s?\d{3})\s?\d{5}(?!\d)/du, 0.9],
  [/(?<![\d.,])(\d{3}\s?\d{3}\s?\d{3})(?![\s.,]?\d)/du, 0.8],
];

function findSiren(text: string): PatternMatch | undefined {
  for (const [pattern, quality] of SIREN_PATTERNS) {
    const match = pattern.exec(text);
    const range = match?.indices?.[1];
    if (match === null || range === undefined) continue;
    return { text: match[1]!, start: range[0], end: range[1], quality };
  }
  return undefined;
}

/** A SIREN in its registry mention only: safe to look for without a label. */
export function findRegisteredSiren(text: string): PatternMatch | undefined {
  const found = findSiren(text);
  return found !== undefined && (found.quality ?? 1) === 1 ? found : undefined;
}

/** The first part of `text` that looks like `kind`; undefined for kinds without a pattern. */
export function findPattern(text: string, kind: SemanticKind): PatternMatch | undefined {
  if (kind === "siren") return findSiren(text);
  const pattern = PATTERNS[kind];
  if (pattern === undefined) return undefined;
  for (const match of text.matchAll(pattern)) {
    // Abbreviated legal forms keep their final dot ("B.V."); other kinds end before punctuation.
    let value = kind === "organization" ? match[0] : match[0].replace(/[.,;:)]+$/u, "");
    if (kind === "website") {
      if (value.includes("@") || /@/u.test(text.slice(Math.max(0, match.index - 1), match.index))) continue;
      // A site is its host: a deep link's path ("…/contact-us/") is not the website.
      const scheme = /^https?:\/\//iu.exec(value)?.[0] ?? "";
      const host = value.slice(scheme.length).split("/")[0]!;
      if (!/\p{L}/u.test(host.split(".").at(-1) ?? "")) continue;
      value = scheme + host;
    }
    if (kind === "phone" && value.replace(/\D/gu, "").length < 7) continue;
    if (kind === "organization" && /^(?:the|a|an|by|from|of)\s/iu.test(value)) continue;
    if (kind === "iban" && value.replace(/\s/gu, "").length < 15) continue;
    return { text: value, start: match.index, end: match.index + value.length };
  }
  return undefined;
}

/** Whether any pattern search can find the kind without a label (worth a whole-document scan). */
export function findableWithoutLabel(kind: SemanticKind): boolean {
  // Not BIC: any eight capital letters ("INVOICES") fit its pattern.
  return (
    kind === "email" ||
    kind === "website" ||
    kind === "iban" ||
    kind === "organization" ||
    kind === "payment_method"
  );
}
