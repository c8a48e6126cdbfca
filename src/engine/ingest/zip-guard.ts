/**
 * Zip-bomb guard: reads a ZIP's central directory (never inflating anything) and refuses archives whose
 * declared contents are too big for any library to unzip safely — total uncompressed size, entry count,
 * and per-entry compression ratio (a few KB that claim to inflate to gigabytes) — and, since a directory
 * can lie, entries big enough to hide a bomb are inflated once under a cap of their declared size (a
 * "1 KB" entry that inflates to gigabytes would otherwise reach a parser). Runs before every
 * ZIP-based format (DOCX, XLSX, PPTX, ODF, plain ZIP) is handed to a parser. An unreadable directory
 * means the archive is broken: CORRUPT_FILE.
 */

import { inflateRawSync } from "node:zlib";

export interface ZipLimits {
  /** Sum of every entry's declared uncompressed size. */
  readonly maxTotalUncompressedBytes: number;
  readonly maxEntries: number;
  /** Uncompressed ÷ compressed, checked for entries larger than `ratioCheckMinBytes`. */
  readonly maxCompressionRatio: number;
  /** Small entries may compress very well (repetitive XML) without being a threat. */
  readonly ratioCheckMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressedBytes: 1024 * 1024 * 1024,
  maxEntries: 20_000,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1024 * 1024,
};

export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

export type ZipGuardResult =
  | { readonly ok: true; readonly entries: readonly ZipEntryInfo[] }
  | { readonly ok: false; readonly reason: "FILE_SIZE_TOO_LARGE" | "CORRUPT_FILE"; readonly message: string };

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Deflate cannot exceed about 1032:1; an entry whose compressed size times this fits under its declared
 * size plus LIE_SLACK cannot inflate to a dangerous surprise and is not inflated here. */
const MAX_DEFLATE_RATIO = 1032;
const LIE_SLACK = 64 * 1024 * 1024;
const DEFLATE = 8;

/** Checks the archive against `limits`; the entries are returned when it passes. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipGuardResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = locateCentralDirectory(view);
  if (typeof directory === "string") return corrupt(directory);
  if (directory.entryCount > limits.maxEntries) return tooManyEntries(directory.entryCount, limits);
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let offset = directory.offset;
  const end = directory.offset + directory.size;
  for (let index = 0; index < directory.entryCount; index++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== CENTRAL_HEADER_SIGNATURE)
      return corrupt(`entry ${index + 1} of the ZIP directory is unreadable`);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const next = offset + 46 + nameLength + extraLength + commentLength;
    if (next > end) return corrupt(`entry ${index + 1} of the ZIP directory runs past its end`);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const sizes = entrySizes(view, offset, offset + 46 + nameLength, extraLength);
    const entry = { name, ...sizes };
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressedBytes) {
      return tooLarge(
        `The archive declares more than ${formatBytes(limits.maxTotalUncompressedBytes)} of uncompressed content (limit reached at entry "${name}")`,
      );
    }
    if (
      entry.uncompressedSize > limits.ratioCheckMinBytes &&
      entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio
    ) {
      const ratio =
        entry.compressedSize === 0 ? "∞" : Math.round(entry.uncompressedSize / entry.compressedSize);
      return tooLarge(
        `Entry "${name}" inflates ${formatBytes(entry.compressedSize)} to ${formatBytes(entry.uncompressedSize)} (ratio ${ratio}:1, limit ${limits.maxCompressionRatio}:1); the archive looks like a zip bomb`,
      );
    }
    if (
      view.getUint16(offset + 10, true) === DEFLATE &&
      entry.compressedSize * MAX_DEFLATE_RATIO > entry.uncompressedSize + LIE_SLACK
    ) {
      const lie = inflatesPastDeclared(bytes, view, view.getUint32(offset + 42, true), entry);
      if (lie !== undefined) return lie;
    }
    entries.push(entry);
    offset = next;
  }
  return { ok: true, entries };
}

/**
 * Inflates the entry whose local header is at `local` with its declared size as the output cap: a
 * failure when it would inflate past it (the directory lies: a zip bomb) or cannot be inflated at all.
 */
function inflatesPastDeclared(
  bytes: Uint8Array,
  view: DataView,
  local: number,
  entry: ZipEntryInfo,
): ZipGuardResult | undefined {
  // A ZIP64 offset (0xffffffff) or a header elsewhere: left to the parser, which reads what it finds.
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== 0x04034b50) return undefined;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, Math.min(start + entry.compressedSize, bytes.byteLength));
  try {
    inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    return undefined;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      return tooLarge(
        `Entry "${entry.name}" inflates to more than the ${formatBytes(entry.uncompressedSize)} its directory declares; the archive looks like a zip bomb`,
      );
    return corrupt(`entry "${entry.name}" cannot be inflated (${(error as Error).message})`);
  }
}

interface CentralDirectory {
  readonly offset: number;
  readonly size: number;
  readonly entryCount: number;
}

/** The end-of-central-directory record (ZIP64 when the classic one overflows), or why it is unreadable. */
function locateCentralDirectory(view: DataView): CentralDirectory | string {
  const length = view.byteLength;
  if (length < EOCD_SIZE) return "the file is too short to be a ZIP archive";
  const lowest = Math.max(0, length - EOCD_SIZE - MAX_COMMENT);
  let eocd = -1;
  for (let position = length - EOCD_SIZE; position >= lowest; position--) {
    if (view.getUint32(position, true) === EOCD_SIGNATURE) {
      eocd = position;
      break;
    }
  }
  if (eocd < 0) return "the ZIP end-of-directory record is missing (truncated file?)";
  let entryCount = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (entryCount === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE)
      return "the ZIP64 directory locator is missing";
    const record = safeNumber(view.getBigUint64(locator + 8, true));
    if (record + 56 > length || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE)
      return "the ZIP64 end-of-directory record is unreadable";
    entryCount = safeNumber(view.getBigUint64(record + 32, true));
    size = safeNumber(view.getBigUint64(record + 40, true));
    offset = safeNumber(view.getBigUint64(record + 48, true));
  }
  if (offset + size > length) return "the ZIP directory points past the end of the file";
  // Each directory entry takes at least 46 bytes: a count beyond that is a lie.
  if (entryCount * 46 > size) return "the ZIP directory is shorter than its entry count";
  return { offset, size, entryCount };
}

/** Sizes from the central header, replaced by the ZIP64 extra field's where they overflow. */
function entrySizes(
  view: DataView,
  header: number,
  extraStart: number,
  extraLength: number,
): { compressedSize: number; uncompressedSize: number } {
  let compressedSize = view.getUint32(header + 20, true);
  let uncompressedSize = view.getUint32(header + 24, true);
  if (compressedSize !== 0xffffffff && uncompressedSize !== 0xffffffff)
    return { compressedSize, uncompressedSize };
  let position = extraStart;
  const end = extraStart + extraLength;
  while (position + 4 <= end) {
    const id = view.getUint16(position, true);
    const size = view.getUint16(position + 2, true);
    if (id === 0x0001) {
      // Fields appear in this order, and only those whose classic value overflowed.
      let field = position + 4;
      if (uncompressedSize === 0xffffffff && field + 8 <= end) {
        uncompressedSize = safeNumber(view.getBigUint64(field, true));
        field += 8;
      }
      if (compressedSize === 0xffffffff && field + 8 <= end)
        compressedSize = safeNumber(view.getBigUint64(field, true));
      break;
    }
    position += 4 + size;
  }
  return { compressedSize, uncompressedSize };
}

function safeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function tooManyEntries(count: number, limits: ZipLimits): ZipGuardResult {
  return tooLarge(`The archive has ${count} entries (limit ${limits.maxEntries})`);
}

function tooLarge(message: string): ZipGuardResult {
  return { ok: false, reason: "FILE_SIZE_TOO_LARGE", message };
}

function corrupt(detail: string): ZipGuardResult {
  return { ok: false, reason: "CORRUPT_FILE", message: `The archive is damaged: ${detail}` };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
