/**
 * Checks on container formats before any parser opens them: the zip-bomb guard for every ZIP-based
 * format, password protection of ODF packages (manifest `encryption-data`) and of OOXML files (which
 * Office stores as an OLE container with EncryptionInfo/EncryptedPackage streams) and of legacy .doc/
 * .xls/.ppt files (legacy-encryption.ts), and an unreadable OLE directory. Returns the failure, or undefined when the file may be opened.
 */
import { unzipSync } from "fflate";
import type { DocumentFormat } from "./detect-format.ts";
import { legacyEncrypted } from "./legacy-encryption.ts";
import { classifyNames, type OleKind, readOle } from "./ole-directory.ts";
import { inspectZip, type ZipLimits } from "./zip-guard.ts";

export interface ContainerFailure {
  readonly ok: false;
  readonly reason: "FILE_SIZE_TOO_LARGE" | "CORRUPT_FILE" | "PASSWORD_PROTECTED_FILE";
  readonly message: string;
}

const ZIP_FORMATS: ReadonlySet<DocumentFormat> = new Set([
  "docx",
  "xlsx",
  "pptx",
  "odt",
  "ods",
  "odp",
  "zip",
]);
const ODF_FORMATS: ReadonlySet<DocumentFormat> = new Set(["odt", "ods", "odp"]);
const MANIFEST = "META-INF/manifest.xml";
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export function checkContainer(
  bytes: Uint8Array,
  format: DocumentFormat,
  zipLimits?: ZipLimits,
): ContainerFailure | undefined {
  if (ZIP_FORMATS.has(format)) {
    const inspected = inspectZip(bytes, zipLimits);
    // A bare ZIP is not a supported document whether or not its directory reads: only a bomb is news.
    if (!inspected.ok && (format !== "zip" || inspected.reason === "FILE_SIZE_TOO_LARGE")) return inspected;
    const manifest = inspected.ok ? inspected.entries.find((entry) => entry.name === MANIFEST) : undefined;
    // A manifest is a few KB; one declaring megabytes is not inflated here.
    if (
      ODF_FORMATS.has(format) &&
      manifest !== undefined &&
      manifest.uncompressedSize < MAX_MANIFEST_BYTES &&
      odfIsEncrypted(bytes)
    ) {
      return {
        ok: false,
        reason: "PASSWORD_PROTECTED_FILE",
        message:
          "The OpenDocument file is password-protected; save it without a password and upload it again",
      };
    }
    return undefined;
  }
  if (format === "ole") {
    const kind = oleKind(bytes);
    if (typeof kind !== "string") return kind;
    if (kind === "encrypted-ooxml") {
      return {
        ok: false,
        reason: "PASSWORD_PROTECTED_FILE",
        message:
          "The Office document is password-protected (encrypted); save it without a password and upload it again",
      };
    }
  }
  return undefined;
}

/**
 * The OLE container's kind; CORRUPT_FILE when its directory cannot be read, PASSWORD_PROTECTED_FILE
 * when it is a password-protected legacy Word, Excel or PowerPoint file.
 */
export function oleKind(bytes: Uint8Array): OleKind | ContainerFailure {
  try {
    const ole = readOle(bytes);
    const kind = classifyNames(ole.entries.map((entry) => entry.name));
    if ((kind === "doc" || kind === "xls" || kind === "ppt") && legacyEncrypted(bytes, ole, kind))
      return {
        ok: false,
        reason: "PASSWORD_PROTECTED_FILE",
        message: `The ${LEGACY_NAMES[kind]} file is password-protected; save it without a password and upload it again`,
      };
    return kind;
  } catch (error) {
    return {
      ok: false,
      reason: "CORRUPT_FILE",
      message: `The Office file is damaged: ${(error as Error).message}`,
    };
  }
}

const LEGACY_NAMES = { doc: "Word (.doc)", xls: "Excel (.xls)", ppt: "PowerPoint (.ppt)" } as const;

/** ODF marks each encrypted part with <manifest:encryption-data> in META-INF/manifest.xml. */
function odfIsEncrypted(bytes: Uint8Array): boolean {
  try {
    // The zip guard has bounded every entry; only the small manifest is inflated.
    const files = unzipSync(bytes, { filter: (file) => file.name === MANIFEST });
    const manifest = files[MANIFEST];
    if (manifest === undefined) return false;
    return new TextDecoder().decode(manifest).includes("encryption-data");
  } catch {
    return false;
  }
}
