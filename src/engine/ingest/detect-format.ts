/**
 * File format from the bytes, not the name: magic numbers for binary formats, the ZIP directory for
 * Office Open XML, and a content sniff for text formats. The name's extension only breaks ties between
 * text formats (CSV vs TXT vs Markdown) that the bytes cannot tell apart.
 */

export type DocumentFormat =
  | "pdf"
  | "png"
  | "jpeg"
  | "gif"
  | "bmp"
  | "tiff"
  | "webp"
  | "heic"
  | "docx"
  | "xlsx"
  | "pptx"
  | "odt"
  | "ods"
  | "odp"
  | "ole" // legacy .doc/.xls/.ppt or an encrypted OOXML container
  | "zip"
  | "csv"
  | "txt"
  | "markdown"
  | "html"
  | "xml"
  | "rtf"
  | "unknown";

export interface DetectedFormat {
  readonly format: DocumentFormat;
  readonly mediaType: string;
  /** Extend's FileType (PDF, IMG, …), null when it has none. */
  readonly fileType: string | null;
}

const DETAILS: Record<DocumentFormat, { mediaType: string; fileType: string | null }> = {
  pdf: { mediaType: "application/pdf", fileType: "PDF" },
  png: { mediaType: "image/png", fileType: "IMG" },
  jpeg: { mediaType: "image/jpeg", fileType: "IMG" },
  gif: { mediaType: "image/gif", fileType: "IMG" },
  bmp: { mediaType: "image/bmp", fileType: "IMG" },
  tiff: { mediaType: "image/tiff", fileType: "IMG" },
  webp: { mediaType: "image/webp", fileType: "IMG" },
  heic: { mediaType: "image/heic", fileType: "IMG" },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    fileType: "DOCX",
  },
  xlsx: { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileType: "EXCEL" },
  // Upstream parity: Extend's FileType has no PowerPoint value (it converts PPTX to PDF on upload).
  pptx: {
    mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    fileType: null,
  },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", fileType: "DOCX" },
  ods: { mediaType: "application/vnd.oasis.opendocument.spreadsheet", fileType: "EXCEL" },
  odp: { mediaType: "application/vnd.oasis.opendocument.presentation", fileType: null },
  ole: { mediaType: "application/x-ole-storage", fileType: null },
  zip: { mediaType: "application/zip", fileType: null },
  csv: { mediaType: "text/csv", fileType: "CSV" },
  txt: { mediaType: "text/plain", fileType: "TXT" },
  markdown: { mediaType: "text/markdown", fileType: "TXT" },
  html: { mediaType: "text/html", fileType: "HTML" },
  xml: { mediaType: "application/xml", fileType: "XML" },
  rtf: { mediaType: "application/rtf", fileType: "TXT" },
  unknown: { mediaType: "application/octet-stream", fileType: null },
};

/** Bytes of a file's start that detection needs (ZIP entry names may sit a little way in). */
export const DETECTION_HEAD_BYTES = 64 * 1024;

/**
 * Detects the format from the file's first bytes (at least DETECTION_HEAD_BYTES when the file is that
 * long) and, for text only, its name. OLE containers are refined by name: .xls/.doc/.ppt.
 */
export function detectFormat(head: Uint8Array, fileName = ""): DetectedFormat {
  const format = detectFromBytes(head, extensionOf(fileName));
  const details = DETAILS[format];
  if (format === "ole") {
    const extension = extensionOf(fileName);
    if (extension === "xls") return { format, mediaType: "application/vnd.ms-excel", fileType: "EXCEL" };
    if (extension === "doc") return { format, mediaType: "application/msword", fileType: "DOCX" };
  }
  return { format, ...details };
}

function detectFromBytes(head: Uint8Array, extension: string): DocumentFormat {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.length === 0) return "unknown";
  const ascii = bytes.subarray(0, 1024).toString("latin1");
  // PDF: the header may be preceded by up to 1 KB of junk (PDF 32000-1 §7.5.2 readers tolerate it).
  if (ascii.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (ascii.startsWith("GIF87a") || ascii.startsWith("GIF89a")) return "gif";
  if (
    ascii.startsWith("BM") &&
    bytes.length >= 26 &&
    bytes.readUInt32LE(14) >= 12 &&
    bytes.readUInt32LE(14) <= 124
  )
    return "bmp";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return "tiff";
  if (ascii.startsWith("RIFF") && ascii.slice(8, 12) === "WEBP") return "webp";
  if (
    ascii.slice(4, 8) === "ftyp" &&
    /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif)$/.test(ascii.slice(8, 12))
  )
    return "heic";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectZip(bytes, extension);
  if (ascii.startsWith("{\\rtf")) return "rtf";
  return detectText(bytes, extension);
}

function detectZip(bytes: Buffer, extension: string): DocumentFormat {
  const text = bytes.toString("latin1");
  const mimetype = /^[\s\S]{30}mimetype(application\/vnd\.oasis\.opendocument\.[a-z]+)/.exec(text);
  if (mimetype?.[1] !== undefined) {
    if (mimetype[1].endsWith(".text")) return "odt";
    if (mimetype[1].endsWith(".spreadsheet")) return "ods";
    if (mimetype[1].endsWith(".presentation")) return "odp";
  }
  // OOXML part names appear in local file headers (name at offset 30); the first one names the package
  // type (a workbook embedded in a presentation's chart comes later, inside the package).
  let part: string | undefined;
  for (
    let at = text.indexOf("PK\u0003\u0004");
    at >= 0 && part === undefined;
    at = text.indexOf("PK\u0003\u0004", at + 4)
  )
    part = /^(word|xl|ppt)\//.exec(text.slice(at + 30, at + 35))?.[1];
  if (part === "word") return "docx";
  if (part === "xl") return "xlsx";
  if (part === "ppt") return "pptx";
  // No part name in the head (a truncated package, or one whose parts come late): the name breaks the
  // tie, so a damaged .docx is read — and reported — as the DOCX it claims to be.
  return OOXML_EXTENSIONS[extension] ?? "zip";
}

const OOXML_EXTENSIONS: Partial<Record<string, DocumentFormat>> = {
  docx: "docx",
  docm: "docx",
  dotx: "docx",
  xlsx: "xlsx",
  xlsm: "xlsx",
  xltx: "xlsx",
  xltm: "xlsx",
  pptx: "pptx",
  pptm: "pptx",
  potx: "pptx",
};

function detectText(bytes: Buffer, extension: string): DocumentFormat {
  if (!looksLikeText(bytes)) return "unknown";
  const start = bytes
    .subarray(0, 2048)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (
    start.startsWith("<!doctype html") ||
    start.startsWith("<html") ||
    /^<(head|body|div|table|p)[\s>]/.test(start)
  )
    return "html";
  if (start.startsWith("<?xml")) return /<html[\s>]/.test(start) ? "html" : "xml";
  if (extension === "csv" || extension === "tsv") return "csv";
  if (extension === "md" || extension === "markdown") return "markdown";
  if (extension === "html" || extension === "htm") return "html";
  if (extension === "xml") return "xml";
  return "txt";
}

/** UTF-8 (or UTF-16 with BOM) without control bytes other than whitespace. */
function looksLikeText(bytes: Buffer): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (control > sample.length / 100) return false;
  // A truncated multi-byte sequence at the very end of the sample is not evidence of binary data.
  const decoded = new TextDecoder("utf-8", { fatal: false }).decode(sample);
  const replacements = decoded.match(/\uFFFD/g)?.length ?? 0;
  return replacements <= 2;
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return match?.[1]?.toLowerCase() ?? "";
}
