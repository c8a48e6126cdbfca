/**
 * Picks the display name of a downloaded file: Content-Disposition (RFC 6266, filename* before filename),
 * else the final URL's last path segment, else "file"; always reduced to a safe plain basename.
 */

const MAX_NAME_CHARS = 255;
// An extension longer than this is more likely part of the name than a type, so truncation may cut it.
const MAX_KEPT_EXTENSION_CHARS = 16;
const PARAMETER = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;

export function fileNameFromResponse(contentDisposition: string | undefined, finalUrl: URL): string {
  const fromHeader =
    contentDisposition === undefined ? undefined : contentDispositionFileName(contentDisposition);
  const fromHeaderSafe = fromHeader === undefined ? undefined : sanitizeDownloadedFileName(fromHeader);
  if (fromHeaderSafe !== undefined) return fromHeaderSafe;
  const segment = finalUrl.pathname.split("/").pop() ?? "";
  return sanitizeDownloadedFileName(percentDecode(segment)) ?? "file";
}

/** The raw (unsanitized) file name a Content-Disposition header carries, if any. */
export function contentDispositionFileName(header: string): string | undefined {
  let plain: string | undefined;
  let extended: string | undefined;
  // The leading ";" lets a header without a disposition type (just `filename=…`) still match.
  for (const match of `;${header}`.matchAll(PARAMETER)) {
    const key = match[1]?.toLowerCase();
    const raw = (match[2] ?? "").trim();
    if (key === "filename*") extended ??= decodeExtendedValue(raw);
    else if (key === "filename") plain ??= repairUtf8(unquote(raw));
  }
  return extended ?? plain;
}

/** A plain basename without control or bidi-override characters, ≤ 255 characters; undefined if nothing is left. */
export function sanitizeDownloadedFileName(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? "";
  // Bidi overrides can disguise "gpj.exe" as "exe.jpg" in a listing.
  const clean = base.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, "").trim();
  if (clean === "" || clean === "." || clean === "..") return undefined;
  return truncateKeepingExtension(clean);
}

function truncateKeepingExtension(name: string): string {
  const chars = Array.from(name); // code points, so a surrogate pair is never split
  if (chars.length <= MAX_NAME_CHARS) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length === 0 || extension.length > MAX_KEPT_EXTENSION_CHARS) {
    return chars.slice(0, MAX_NAME_CHARS).join("");
  }
  const stem = chars.slice(0, chars.length - extension.length);
  return stem.slice(0, MAX_NAME_CHARS - extension.length).join("") + extension.join("");
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return value;
}

/** RFC 8187 ext-value: charset'language'percent-encoded; unknown charsets and bad encodings are ignored. */
function decodeExtendedValue(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(unquote(value));
  if (!match) return undefined;
  const charset = (match[1] ?? "").toLowerCase();
  const encoded = match[2] ?? "";
  if (charset === "utf-8") {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return undefined;
    }
  }
  if (charset === "iso-8859-1") {
    return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
  }
  return undefined;
}

/**
 * Node decodes header bytes as latin1, so a raw UTF-8 filename="résumé.pdf" (common despite RFC 6266)
 * arrives as "rÃ©sumÃ©.pdf"; re-decode it when the bytes form valid UTF-8.
 */
function repairUtf8(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[\u0100-\uffff]/.test(value)) return value;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(value, "latin1"));
  } catch {
    return value;
  }
}

function percentDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
