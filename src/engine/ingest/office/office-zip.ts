/**
 * Unzips an OOXML package (DOCX, PPTX) into its parts. The one place the engine inflates Office files,
 * so size guards (zip bombs) and encrypted-package detection can wrap this single call. Throws
 * PackageError (CORRUPT_FILE) when the bytes are not a readable zip; a guard wrapping it throws
 * PackageError with its own reason (FILE_SIZE_TOO_LARGE, PASSWORD_PROTECTED_FILE), which the caller
 * reports as is.
 */
import { unzipSync } from "fflate";
import type { SourceFailureReason } from "../../document/document-source.ts";
import { descendants, parseXml, type XmlElement } from "./xml-tree.ts";

export class PackageError extends Error {
  readonly reason: SourceFailureReason;

  constructor(message: string, reason: SourceFailureReason = "CORRUPT_FILE") {
    super(message);
    this.reason = reason;
  }
}

export type OfficePackage = ReadonlyMap<string, Uint8Array>;

/**
 * Uncompressed bytes of XML a package may declare (parts ending .xml or .rels). The readers hold each
 * part's element tree in memory, about 16 times its size: measured, a DOCX whose document.xml is 100 MB
 * (a 14 MB upload) takes 12 s and 1.6 GB to open. Past this the package fails FILE_SIZE_TOO_LARGE before
 * more is inflated.
 */
export const MAX_OFFICE_XML_BYTES = 64 * 1024 * 1024;

export function unzipOffice(bytes: Uint8Array, maxXmlBytes = MAX_OFFICE_XML_BYTES): OfficePackage {
  let files: Record<string, Uint8Array>;
  let xmlBytes = 0;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (/\.(xml|rels)$/i.test(file.name)) xmlBytes += file.originalSize;
        if (xmlBytes > maxXmlBytes)
          throw new PackageError(
            `The document holds more than ${maxXmlBytes / 2 ** 20} MB of XML (at part "${file.name}"); it is too large to read`,
            "FILE_SIZE_TOO_LARGE",
          );
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError(`The file is not a readable zip package: ${(error as Error).message}`);
  }
  return new Map(Object.entries(files));
}

const decoder = new TextDecoder("utf-8");

/** A part's text (UTF-8, the encoding OOXML parts use), or undefined when the package lacks it. */
export function partText(pkg: OfficePackage, name: string): string | undefined {
  const bytes = pkg.get(name);
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

/** Relationship id → target part path, resolved against the folder of `part` ("word/document.xml"). */
export function relationships(pkg: OfficePackage, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf("/");
  const folder = slash < 0 ? "" : part.slice(0, slash);
  const xml = partText(pkg, `${folder === "" ? "" : `${folder}/`}_rels/${part.slice(slash + 1)}.rels`);
  const map = new Map<string, Relationship>();
  if (xml === undefined) return map;
  for (const rel of descendants(parseXml(xml), "Relationship")) {
    const { Id: id, Type: type = "", Target: target = "", TargetMode: mode } = rel.attributes;
    if (id === undefined) continue;
    const external = mode === "External";
    map.set(id, { type, target: external ? target : resolvePath(folder, target), external });
  }
  return map;
}

export interface Relationship {
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** `target` relative to `folder` ("../media/a.png" from "ppt/slides" → "ppt/media/a.png"). */
export function resolvePath(folder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = folder === "" ? [] : folder.split("/");
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

const parsedParts = new WeakMap<OfficePackage, Map<string, XmlElement | undefined>>();

/**
 * A part parsed as XML, parsed once per package (layouts, masters and content types are shared by many
 * slides); undefined when the package lacks it.
 */
export function parsedPart(pkg: OfficePackage, name: string): XmlElement | undefined {
  let cache = parsedParts.get(pkg);
  if (cache === undefined) {
    cache = new Map();
    parsedParts.set(pkg, cache);
  }
  if (!cache.has(name)) {
    const text = partText(pkg, name);
    cache.set(name, text === undefined ? undefined : parseXml(text));
  }
  return cache.get(name);
}

/** The part's declared content type ([Content_Types].xml: override by part name, else by extension). */
export function contentType(pkg: OfficePackage, part: string): string | undefined {
  const root = parsedPart(pkg, "[Content_Types].xml");
  if (root === undefined) return undefined;
  const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  let byExtension: string | undefined;
  for (const entry of descendants(root, "Override"))
    if (entry.attributes.PartName?.replace(/^\//u, "") === part) return entry.attributes.ContentType;
  for (const entry of descendants(root, "Default"))
    if (entry.attributes.Extension?.toLowerCase() === extension) byExtension = entry.attributes.ContentType;
  return byExtension;
}
