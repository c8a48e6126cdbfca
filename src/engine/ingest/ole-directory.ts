/**
 * The stream and storage names of an OLE compound file (MS-CFB): enough to tell a legacy Word, Excel or
 * PowerPoint file apart, and to recognise an encrypted Office Open XML package (an OLE container with
 * `EncryptionInfo` and `EncryptedPackage` streams, MS-OFFCRYPTO). Reads the FAT and the directory
 * chain, and at most the first bytes of a named stream (regular or mini stream) where a password-
 * protected legacy file says so (legacy-encryption.ts).
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECT = 0xffffffff;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const DIRECTORY_ENTRY_SIZE = 128;
const HEADER_DIFAT_ENTRIES = 109;

export type OleKind = "doc" | "xls" | "ppt" | "encrypted-ooxml" | "other";

export interface OleEntry {
  readonly name: string;
  /** 1 storage, 2 stream, 5 root. */
  readonly type: number;
  readonly start: number;
  readonly size: number;
}

export interface OleContainer {
  readonly entries: readonly OleEntry[];
  readonly sectorSize: number;
  readonly miniSectorSize: number;
  readonly miniCutoff: number;
  readonly firstMiniFatSector: number;
  readonly fat: readonly number[];
  readonly sectorOffset: (sector: number) => number;
}

/** Every directory entry's name, in directory order; throws when the container is unreadable. */
export function readOleNames(bytes: Uint8Array): string[] {
  return readOle(bytes).entries.map((entry) => entry.name);
}

/** The container's directory and FAT; throws when it is unreadable. */
export function readOle(bytes: Uint8Array): OleContainer {
  if (!SIGNATURE.every((byte, index) => bytes[index] === byte)) throw new Error("not an OLE compound file");
  if (bytes.byteLength < 512) throw new Error("the OLE header is truncated");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) throw new Error(`unexpected sector size 2^${sectorShift}`);
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((bytes.byteLength - 512) / sectorSize) + 1;
  const sectorOffset = (sector: number): number => {
    const offset = (sector + 1) * sectorSize;
    if (sector > MAX_REGULAR_SECTOR || offset >= bytes.byteLength)
      throw new Error(`sector ${sector} lies outside the file`);
    return offset;
  };

  // DIFAT: the FAT's own sectors, 109 in the header then chained DIFAT sectors.
  const fatSectors: number[] = [];
  for (let index = 0; index < HEADER_DIFAT_ENTRIES; index++) {
    const sector = view.getUint32(0x4c + index * 4, true);
    if (sector <= MAX_REGULAR_SECTOR) fatSectors.push(sector);
  }
  let difat = view.getUint32(0x44, true);
  for (let hops = 0; difat <= MAX_REGULAR_SECTOR; hops++) {
    if (hops > sectorCount) throw new Error("the DIFAT chain loops");
    const base = sectorOffset(difat);
    const perSector = sectorSize / 4 - 1;
    for (let index = 0; index < perSector; index++) {
      const sector = readUint32(view, base + index * 4);
      if (sector <= MAX_REGULAR_SECTOR) fatSectors.push(sector);
    }
    difat = readUint32(view, base + perSector * 4);
  }
  const fat: number[] = [];
  for (const sector of fatSectors) {
    const base = sectorOffset(sector);
    for (let index = 0; index < sectorSize / 4; index++) fat.push(readUint32(view, base + index * 4));
  }

  const entries: OleEntry[] = [];
  let sector = view.getUint32(0x30, true);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    if (sector > MAX_REGULAR_SECTOR || hops > sectorCount) throw new Error("the directory chain is broken");
    const base = sectorOffset(sector);
    for (let entry = 0; entry < sectorSize / DIRECTORY_ENTRY_SIZE; entry++) {
      const offset = base + entry * DIRECTORY_ENTRY_SIZE;
      if (offset + DIRECTORY_ENTRY_SIZE > bytes.byteLength) break;
      const nameBytes = view.getUint16(offset + 0x40, true);
      const type = view.getUint8(offset + 0x42);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue; // unused entry
      entries.push({
        name: new TextDecoder("utf-16le").decode(bytes.subarray(offset, offset + nameBytes - 2)),
        type,
        start: view.getUint32(offset + 0x74, true),
        size: view.getUint32(offset + 0x78, true),
      });
    }
    const next = fat[sector];
    if (next === undefined || next === FREE_SECT) throw new Error("the directory chain is broken");
    sector = next;
  }
  if (entries.length === 0) throw new Error("the OLE directory is empty");
  return {
    entries,
    sectorSize,
    miniSectorSize: 1 << view.getUint16(0x20, true),
    miniCutoff: view.getUint32(0x38, true),
    firstMiniFatSector: view.getUint32(0x3c, true),
    fat,
    sectorOffset,
  };
}

/**
 * The first `maxBytes` (at most) of the stream named `name`, or undefined when there is none; streams
 * under the mini-stream cutoff are read from the root's mini stream. Throws when a chain is broken.
 */
export function oleStreamHead(
  bytes: Uint8Array,
  ole: OleContainer,
  name: string,
  maxBytes: number,
): Uint8Array | undefined {
  const entry = ole.entries.find((candidate) => candidate.type === 2 && candidate.name === name);
  if (entry === undefined) return undefined;
  const wanted = Math.min(entry.size, maxBytes);
  if (entry.size >= ole.miniCutoff) return readChain(bytes, ole, entry.start, wanted);
  const root = ole.entries.find((candidate) => candidate.type === 5);
  if (root === undefined) throw new Error("the OLE container has no root entry");
  // The mini FAT and the mini stream are themselves regular-sector chains.
  const miniFatBytes = readChain(bytes, ole, ole.firstMiniFatSector, Number.MAX_SAFE_INTEGER);
  const miniFat = new DataView(miniFatBytes.buffer, miniFatBytes.byteOffset, miniFatBytes.byteLength);
  const miniStream = readChain(bytes, ole, root.start, root.size);
  const out = new Uint8Array(wanted);
  let filled = 0;
  for (let sector = entry.start, hops = 0; filled < wanted; hops++) {
    if (sector > MAX_REGULAR_SECTOR || hops > miniFatBytes.byteLength / 4)
      throw new Error("a mini stream chain is broken");
    const start = sector * ole.miniSectorSize;
    const chunk = miniStream.subarray(start, Math.min(start + ole.miniSectorSize, miniStream.byteLength));
    if (chunk.byteLength === 0) throw new Error("a mini sector lies outside the mini stream");
    const take = Math.min(chunk.byteLength, wanted - filled);
    out.set(chunk.subarray(0, take), filled);
    filled += take;
    if (sector * 4 + 4 > miniFat.byteLength) break;
    sector = miniFat.getUint32(sector * 4, true);
  }
  return out.subarray(0, filled);
}

/** Up to `maxBytes` of the regular-sector chain starting at `start`. */
function readChain(bytes: Uint8Array, ole: OleContainer, start: number, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let sector = start, hops = 0; sector !== END_OF_CHAIN && length < maxBytes; hops++) {
    if (sector > MAX_REGULAR_SECTOR || hops > ole.fat.length) throw new Error("a stream chain is broken");
    const offset = ole.sectorOffset(sector);
    const chunk = bytes.subarray(offset, Math.min(offset + ole.sectorSize, bytes.byteLength));
    chunks.push(chunk.subarray(0, Math.min(chunk.byteLength, maxBytes - length)));
    length += chunks[chunks.length - 1]!.byteLength;
    const next = ole.fat[sector];
    if (next === undefined) throw new Error("a stream chain is broken");
    sector = next;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** What the container holds, judged by its stream names; throws when it is unreadable. */
export function classifyOle(bytes: Uint8Array): OleKind {
  return classifyNames(readOleNames(bytes));
}

export function classifyNames(list: readonly string[]): OleKind {
  const names = new Set(list);
  if (names.has("EncryptionInfo") && names.has("EncryptedPackage")) return "encrypted-ooxml";
  if (names.has("WordDocument")) return "doc";
  if (names.has("Workbook") || names.has("Book")) return "xls";
  if (names.has("PowerPoint Document")) return "ppt";
  return "other";
}

function readUint32(view: DataView, offset: number): number {
  if (offset + 4 > view.byteLength) throw new Error("the file is truncated");
  return view.getUint32(offset, true);
}
