/**
 * Container files made on the fly for ingest tests: minimal OLE compound files with chosen stream names
 * (an encrypted OOXML package is an OLE file with EncryptionInfo + EncryptedPackage streams), a zip bomb
 * (one highly compressible entry), a minimal DOCX and a password-protected ODF package. Test support only.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";
import { zipSync } from "fflate";
import { readOle } from "../ingest/ole-directory.ts";

/**
 * A version-3 compound file (512-byte sectors): sector 0 holds the FAT, sector 1 the directory (root +
 * up to 3 streams named `streams`), sector 2+ `payload` bytes (unreferenced; enough to look real).
 */
export function oleFile(streams: readonly string[], payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (streams.length > 3) throw new Error("at most 3 streams fit in one directory sector");
  const payloadSectors = Math.ceil(payload.byteLength / 512);
  const bytes = new Uint8Array(512 * (3 + payloadSectors));
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x3e, true); // minor version
  view.setUint16(0x1a, 3, true); // major version
  view.setUint16(0x1c, 0xfffe, true); // byte order
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint16(0x20, 6, true); // 64-byte mini sectors
  view.setUint32(0x2c, 1, true); // FAT sectors
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, 4096, true); // mini stream cutoff
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  for (let index = 0; index < 109; index++) view.setUint32(0x4c + index * 4, 0xffffffff, true);
  view.setUint32(0x4c, 0, true); // the FAT is sector 0
  // FAT (sector 0 at offset 512): sector 0 = FATSECT, sector 1 (directory) = end of chain.
  for (let index = 0; index < 128; index++) view.setUint32(512 + index * 4, 0xffffffff, true);
  view.setUint32(512, 0xfffffffd, true);
  view.setUint32(516, 0xfffffffe, true);
  // Directory (sector 1 at offset 1024).
  const entries = ["Root Entry", ...streams];
  entries.forEach((name, index) => {
    const offset = 1024 + index * 128;
    for (let char = 0; char < name.length; char++)
      view.setUint16(offset + char * 2, name.charCodeAt(char), true);
    view.setUint16(offset + 0x40, (name.length + 1) * 2, true);
    view.setUint8(offset + 0x42, index === 0 ? 5 : 2); // root storage / stream
    view.setUint32(offset + 0x44, 0xffffffff, true); // left sibling
    view.setUint32(offset + 0x48, index + 1 < entries.length && index > 0 ? index + 1 : 0xffffffff, true);
    view.setUint32(offset + 0x4c, index === 0 && entries.length > 1 ? 1 : 0xffffffff, true); // child
    view.setUint32(offset + 0x74, 0xfffffffe, true); // start sector
  });
  bytes.set(payload, 512 * 3);
  return bytes;
}

/**
 * A version-3 compound file whose (up to 3) streams hold `data`, each padded to at least 4096 bytes so
 * it lives in regular sectors: sector 0 the FAT, sector 1 the directory, then each stream's chain.
 */
export function oleWithStreams(streams: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  if (streams.length > 3) throw new Error("at most 3 streams fit in one directory sector");
  const padded = streams.map(({ name, data }) => {
    const size = Math.max(4096, Math.ceil(data.byteLength / 512) * 512);
    const bytes = new Uint8Array(size);
    bytes.set(data);
    return { name, bytes };
  });
  const total = 2 + padded.reduce((sum, stream) => sum + stream.bytes.byteLength / 512, 0);
  if (total > 128) throw new Error("the streams do not fit one FAT sector");
  const file = oleFile(
    streams.map((stream) => stream.name),
    new Uint8Array(512 * (total - 3 + 1)),
  ).slice(0, 512 * (total + 1));
  const view = new DataView(file.buffer);
  let sector = 2;
  padded.forEach(({ bytes }, index) => {
    const entry = 1024 + (index + 1) * 128;
    view.setUint32(entry + 0x74, sector, true);
    view.setUint32(entry + 0x78, bytes.byteLength, true);
    const count = bytes.byteLength / 512;
    for (let at = 0; at < count; at++)
      view.setUint32(512 + (sector + at) * 4, at + 1 < count ? sector + at + 1 : 0xfffffffe, true);
    file.set(bytes, 512 * (sector + 1));
    sector += count;
  });
  return file;
}

/**
 * zipBomb(uncompressedBytes, entryName) whose local and central headers lie: they declare 1 KiB, so
 * only inflating the entry shows what it holds.
 */
export function lyingZipBomb(uncompressedBytes: number, entryName = "word/document.xml"): Uint8Array {
  const bytes = zipBomb(uncompressedBytes, entryName).slice();
  const view = new DataView(bytes.buffer);
  view.setUint32(22, 1024, true); // local header: uncompressed size
  for (let at = bytes.byteLength - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    view.setUint32(view.getUint32(at + 16, true) + 24, 1024, true); // central header: uncompressed size
    break;
  }
  return bytes;
}

/** A real legacy .doc with its FIB's fEncrypted bit set, as Word sets it on a password-protected file. */
export function passwordProtectedDoc(doc: Uint8Array): Uint8Array {
  const bytes = doc.slice();
  const ole = readOle(bytes);
  const word = ole.entries.find((entry) => entry.name === "WordDocument");
  if (word === undefined) throw new Error("not a Word document");
  bytes[ole.sectorOffset(word.start) + 0x0b]! |= 0x01;
  return bytes;
}

/** An encrypted OOXML package as Office writes it: an OLE container, no ZIP inside in the clear. */
export function encryptedOoxml(): Uint8Array {
  return oleFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"], new Uint8Array(4096).fill(0x5a));
}

/**
 * A ZIP with one stored-as-deflate entry of `uncompressedBytes` zeros: a few KB that declare (and
 * would inflate to) hundreds of megabytes. Built with zlib in chunks so the test itself stays small.
 */
export function zipBomb(uncompressedBytes: number, entryName = "word/document.xml"): Uint8Array {
  const chunk = new Uint8Array(16 * 1024 * 1024);
  const fullChunks = uncompressedBytes / chunk.byteLength;
  if (!Number.isInteger(fullChunks)) throw new Error("uncompressedBytes must be a multiple of 16 MiB");
  // Non-final sync-flushed blocks concatenate into one valid deflate stream; an empty fixed-Huffman
  // final block (bytes 03 00) ends it.
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let index = 0; index < fullChunks; index++) crc = crc32(chunk, crc);
  const data = Buffer.concat([...Array.from({ length: fullChunks }, () => block), Buffer.from([0x03, 0x00])]);
  const name = Buffer.from(entryName, "utf8");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(uncompressedBytes, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(uncompressedBytes, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, eocd]));
}

/** A one-paragraph-per-item DOCX, the smallest package Word and LibreOffice open. */
export function minimalDocx(paragraphs: readonly string[]): Uint8Array {
  const encoder = new TextEncoder();
  const escapeXml = (text: string): string =>
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const body = paragraphs.map((text) => `<w:p><w:r><w:t>${escapeXml(text)}</w:t></w:r></w:p>`).join("");
  return zipSync({
    "[Content_Types].xml": encoder.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": encoder.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": encoder.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

/** An ODF text package whose content is marked encrypted in its manifest (as a password save does). */
export function encryptedOdt(): Uint8Array {
  const encoder = new TextEncoder();
  return zipSync(
    {
      mimetype: [encoder.encode("application/vnd.oasis.opendocument.text"), { level: 0 }],
      "META-INF/manifest.xml": encoder.encode(
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="1234"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>',
      ),
      "content.xml": new Uint8Array(256).fill(0x7f),
    },
    { level: 6 },
  );
}
