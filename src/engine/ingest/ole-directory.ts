/**
 * The stream and storage names of an OLE compound file (MS-CFB): enough to tell a legacy Word, Excel or
 * PowerPoint file apart, and to recognise an encrypted Office Open XML package (an OLE container with
 * `EncryptionInfo` and `EncryptedPackage` streams, MS-OFFCRYPTO). Reads the FAT and the directory
 * chain only; stream contents are never touched.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECT = 0xffffffff;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const DIRECTORY_ENTRY_SIZE = 128;
const HEADER_DIFAT_ENTRIES = 109;

export type OleKind = "doc" | "xls" | "ppt" | "encrypted-ooxml" | "other";

/** Every directory entry's name, in directory order; throws when the container is unreadable. */
export function readOleNames(bytes: Uint8Array): string[] {
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

  const names: string[] = [];
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
      names.push(new TextDecoder("utf-16le").decode(bytes.subarray(offset, offset + nameBytes - 2)));
    }
    const next = fat[sector];
    if (next === undefined || next === FREE_SECT) throw new Error("the directory chain is broken");
    sector = next;
  }
  if (names.length === 0) throw new Error("the OLE directory is empty");
  return names;
}

/** What the container holds, judged by its stream names; throws when it is unreadable. */
export function classifyOle(bytes: Uint8Array): OleKind {
  const names = new Set(readOleNames(bytes));
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
