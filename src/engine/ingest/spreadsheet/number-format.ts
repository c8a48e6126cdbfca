/**
 * Excel number formats (ECMA-376 §18.8.31 numFmt codes) applied to a cell's value, so a spreadsheet reads
 * as Excel displays it: thousands separators, fixed decimals, percentages, currency literals, scientific
 * notation and date/time patterns. Sections (positive;negative;zero;text), quoted literals, backslash
 * escapes, colour tags and `_x` padding are honoured; conditional sections ([>100]) and fractions
 * (`# ?/?`) fall back to the General form. Dates are shown in UTC parts of the serial, as Excel does (a
 * serial has no time zone).
 */

/** Milliseconds of Excel's 1900-system day 0 (1899-12-30, which absorbs Excel's 1900 leap-year bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A number in Excel's General form: up to 15 significant digits, so float noise (0.1+0.2) does not show. */
export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** A date as ISO 8601: the date alone at midnight, else date and time (seconds, milliseconds when set). */
export function isoDate(date: Date): string {
  const iso = date.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? iso.slice(0, 19) : iso.slice(0, 23);
}

/** The date an Excel serial stands for (1900 date system). */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** Formats a number or date with `format` (undefined or "General" gives the General form). */
export function formatValue(value: number | Date, format: string | undefined): string {
  const code = format?.trim() ?? "";
  if (code === "" || /^general$/i.test(code)) return general(value);
  const sections = splitSections(code);
  const serial = value instanceof Date ? dateToSerial(value) : value;
  let section = sections[0]!;
  let magnitude = serial;
  let signHandled = false;
  if (sections.length >= 2 && serial < 0) {
    section = sections[1]!;
    magnitude = -serial;
    signHandled = true;
  } else if (sections.length >= 3 && serial === 0) {
    section = sections[2]!;
  }
  // Conditions ([>100]) pick sections by rules this reader does not evaluate.
  if (/\[[<>=]/.test(section)) return general(value);
  const cleaned = cleanSection(section);
  if (/^general$/i.test(cleaned.trim())) return general(value);
  if (isDateSection(cleaned)) return formatDate(serialToDate(serial), cleaned);
  if (value instanceof Date) return isoDate(value);
  if (cleaned.includes("/")) return general(value);
  const text = formatNumber(signHandled ? magnitude : serial, cleaned);
  return text;
}

function general(value: number | Date): string {
  return value instanceof Date ? isoDate(value) : generalNumber(value);
}

/** Splits at semicolons outside quotes, brackets and escapes. */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const char = code[i]!;
    if (char === "\\" && !quoted) {
      current += char + (code[i + 1] ?? "");
      i++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "[") bracket = true;
    else if (!quoted && char === "]") bracket = false;
    if (char === ";" && !quoted && !bracket) {
      sections.push(current);
      current = "";
    } else current += char;
  }
  sections.push(current);
  return sections;
}

/**
 * Drops colour and locale tags, turns currency tags ([$€-407]) into their symbol, padding (`_x`) into a
 * space and repeat fills (`*x`) into nothing; quoted text and escapes stay as they are.
 */
function cleanSection(section: string): string {
  let out = "";
  for (let i = 0; i < section.length; i++) {
    const char = section[i]!;
    if (char === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      out += section.slice(i, stop + 1);
      i = stop;
    } else if (char === "\\") {
      out += section.slice(i, i + 2);
      i++;
    } else if (char === "_") {
      out += " ";
      i++;
    } else if (char === "*") {
      i++;
    } else if (char === "[") {
      const end = section.indexOf("]", i);
      const stop = end === -1 ? section.length : end;
      const tag = section.slice(i + 1, stop);
      if (tag.startsWith("$")) {
        const symbol = tag.slice(1).split("-")[0] ?? "";
        if (symbol !== "") out += `"${symbol}"`;
      } else if (/^(h+|m+|s+)$/i.test(tag)) out += `[${tag}]`;
      i = stop;
    } else out += char;
  }
  return out;
}

/** Literal-free view of a section: quoted text and escapes removed. */
function unquoted(section: string): string {
  return section.replace(/"[^"]*"?/g, "").replace(/\\./g, "");
}

function isDateSection(section: string): boolean {
  const bare = unquoted(section).replace(/s+\.0+/gi, "s");
  return /[ymdhs]/i.test(bare) && !/[0#?]/.test(bare);
}

// ---------------------------------------------------------------------------------------------- numbers

function formatNumber(value: number, section: string): string {
  const literalFree = unquoted(section);
  // A text section ("@") shows a number as General.
  if (literalFree.includes("@") && !/[0#?]/.test(literalFree)) return generalNumber(value);
  if (!/[0#?]/.test(literalFree)) {
    // Only literals (e.g. "-" for zero in accounting formats) or a text placeholder.
    return renderLiterals(section, "", value < 0);
  }
  const percents = (literalFree.match(/%/g) ?? []).length;
  let scaled = value * 100 ** percents;
  // The numeric pattern: the first run of placeholders, separators and an optional exponent.
  const pattern = /[0#?,.]*[0#?][0#?,.]*(?:[eE][+-][0#?]+)?/.exec(literalFree)?.[0] ?? "0";
  const exponent = /[eE][+-]/.exec(pattern);
  let digits: string;
  if (exponent !== null) {
    digits = scientific(Math.abs(scaled), pattern);
  } else {
    let integerPart = pattern.split(".")[0] ?? "";
    const fraction = pattern.includes(".") ? pattern.slice(pattern.indexOf(".") + 1) : "";
    // Commas right after the integer placeholders scale by 1000 each.
    const trailing = /,+$/.exec(integerPart)?.[0].length ?? 0;
    scaled /= 1000 ** trailing;
    integerPart = integerPart.slice(0, integerPart.length - trailing);
    digits = fixed(Math.abs(scaled), integerPart, fraction.replace(/,/g, ""));
  }
  const negative = value < 0 && Number(digits.replace(/[^0-9.]/g, "")) !== 0;
  return renderLiterals(section, digits, negative, pattern);
}

function fixed(value: number, integerPattern: string, fractionPattern: string): string {
  const maxDecimals = (fractionPattern.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fractionPattern.match(/[0?]/g) ?? []).length;
  const rounded = roundHalfAway(value, maxDecimals);
  let [integer, fraction = ""] = rounded.split(".");
  fraction = fraction.padEnd(maxDecimals, "0");
  while (fraction.length > minDecimals && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  const minInteger = (integerPattern.match(/0/g) ?? []).length;
  if (integer === "0" && minInteger === 0) integer = "";
  integer = integer!.padStart(minInteger, "0");
  if (integerPattern.includes(",")) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === "" ? integer : `${integer}.${fraction}`;
}

/** Decimal rounding half away from zero, as Excel rounds for display (toFixed rounds binary values). */
function roundHalfAway(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  const rounded = Math.round(Number((Math.abs(value) * scale).toPrecision(15)));
  return (rounded / scale).toFixed(decimals);
}

function scientific(value: number, pattern: string): string {
  const [mantissa = "0", exponentPattern = "+00"] = pattern.split(/[eE]/);
  const decimals = (mantissa.split(".")[1] ?? "").replace(/[^0#?]/g, "").length;
  const [coefficient, exponentText] = value.toExponential(decimals).split("e");
  const exponent = Number(exponentText);
  const minDigits = exponentPattern.replace(/[^0]/g, "").length;
  const sign = exponent < 0 ? "-" : exponentPattern.startsWith("+") ? "+" : "";
  return `${coefficient!.toUpperCase()}E${sign}${String(Math.abs(exponent)).padStart(minDigits, "0")}`;
}

/** The section with its numeric pattern replaced by `digits`, literals unquoted, and the sign added. */
function renderLiterals(section: string, digits: string, negative: boolean, pattern?: string): string {
  let out = "";
  let placed = false;
  for (let i = 0; i < section.length; i++) {
    const char = section[i]!;
    if (char === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      out += section.slice(i + 1, stop);
      i = stop;
    } else if (char === "\\") {
      out += section[i + 1] ?? "";
      i++;
    } else if (pattern !== undefined && !placed && section.startsWith(pattern, i)) {
      out += digits;
      placed = true;
      i += pattern.length - 1;
    } else if (pattern !== undefined && /[0#?,.eE+-]/.test(char) && placed) {
      // Stray placeholders after the pattern (split by a literal) add nothing.
    } else if (char === "@") {
      // A text placeholder in a number section shows nothing.
    } else out += char;
  }
  return (negative ? "-" : "") + out.trim();
}

// ------------------------------------------------------------------------------------------------ dates

interface DateToken {
  readonly kind: "part" | "literal";
  readonly text: string;
}

function tokenizeDate(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < section.length) {
    const rest = section.slice(i);
    const char = section[i]!;
    if (char === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      tokens.push({ kind: "literal", text: section.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    if (char === "\\") {
      tokens.push({ kind: "literal", text: section[i + 1] ?? "" });
      i += 2;
      continue;
    }
    const match =
      /^(\[h+\]|\[m+\]|\[s+\]|am\/pm|a\/p|y+|m+|d+|h+|s+|\.0+)/i.exec(rest) ??
      // A lone "0" (fractional seconds without a dot) is not a date part.
      undefined;
    if (match !== null && match !== undefined) {
      tokens.push({ kind: "part", text: match[0] });
      i += match[0].length;
      continue;
    }
    tokens.push({ kind: "literal", text: char });
    i++;
  }
  return tokens;
}

function formatDate(date: Date, section: string): string {
  const tokens = tokenizeDate(section);
  const twelveHour = tokens.some((token) => token.kind === "part" && /^(am\/pm|a\/p)$/i.test(token.text));
  // "m" means minutes right after an hour part or right before a seconds part.
  const parts = tokens.map((token, index) => ({ ...token, index }));
  const partOnly = parts.filter((token) => token.kind === "part");
  const minutes = new Set<number>();
  for (let p = 0; p < partOnly.length; p++) {
    const token = partOnly[p]!;
    if (!/^m{1,2}$/i.test(token.text)) continue;
    const before = partOnly[p - 1];
    const after = partOnly[p + 1];
    if (
      (before !== undefined && /^(h+|\[h+\])$/i.test(before.text)) ||
      (after !== undefined && /^s+$/i.test(after.text))
    )
      minutes.add(token.index);
  }
  const hours24 = date.getUTCHours();
  const serial = dateToSerial(date);
  let out = "";
  for (const token of parts) {
    if (token.kind === "literal") {
      out += token.text;
      continue;
    }
    const t = token.text.toLowerCase();
    if (minutes.has(token.index)) out += pad(date.getUTCMinutes(), t.length);
    else if (t.startsWith("y"))
      out += t.length <= 2 ? pad(date.getUTCFullYear() % 100, 2) : String(date.getUTCFullYear());
    else if (t.startsWith("m")) {
      const month = date.getUTCMonth();
      if (t.length <= 2) out += pad(month + 1, t.length);
      else if (t.length === 3) out += MONTHS[month]!.slice(0, 3);
      else if (t.length === 4) out += MONTHS[month]!;
      else out += MONTHS[month]![0];
    } else if (t.startsWith("d")) {
      if (t.length <= 2) out += pad(date.getUTCDate(), t.length);
      else if (t.length === 3) out += DAYS[date.getUTCDay()]!.slice(0, 3);
      else out += DAYS[date.getUTCDay()]!;
    } else if (t.startsWith("h")) {
      const hours = twelveHour ? ((hours24 + 11) % 12) + 1 : hours24;
      out += pad(hours, t.length);
    } else if (t.startsWith("s")) out += pad(date.getUTCSeconds(), t.length);
    else if (t.startsWith("[h")) out += pad(Math.floor(serial * 24), t.length - 2);
    else if (t.startsWith("[m")) out += pad(Math.floor(serial * 1440), t.length - 2);
    else if (t.startsWith("[s")) out += pad(Math.floor(serial * 86400), t.length - 2);
    else if (t === "am/pm") out += hours24 < 12 ? "AM" : "PM";
    else if (t === "a/p") out += hours24 < 12 ? "A" : "P";
    else if (t.startsWith(".")) {
      const fraction = date.getUTCMilliseconds() / 1000;
      out += fraction.toFixed(t.length - 1).slice(1);
    }
  }
  return out.trim();
}

function pad(value: number, width: number): string {
  return String(value).padStart(Math.max(1, width), "0");
}
